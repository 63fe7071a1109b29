import { SpellCheck } from '@nlpjs/similarity';
/** Lower case, British or American spelling alike, no punctuation but hyphens, single spaces. */
export const tidy = (text: string): string =>
  text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}\s/-]/gu, ' ')
    // A date such as 15/01 keeps its slash; any other slash or hyphen parts words.
    .replace(/-|\/(?!\d)|(?<!\d)\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const words = (text: string): string[] => tidy(text).split(' ').filter(Boolean);

/**
 * Corrects words that are not in the vocabulary to the nearest one that is (one slip in a short
 * word, two in a long one), so "shwoo the riskss" reads as "show the risks", with nlp.js's own
 * spelling corrector. Numbers and words of fewer than four letters stay as they are.
 */
const swaps = (word: string): string[] => Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));

export const spellCorrector = (vocabulary: ReadonlySet<string>) => {
  const checker = new SpellCheck({ features: Object.fromEntries([...vocabulary].filter((w) => w.length >= 3).map((w) => [w, 1])), minLength: 4 });
  const cache = new Map<string, string>();
  const fix = (word: string): string => {
    if (word.length < 4 || vocabulary.has(word) || /\d/.test(word)) return word;
    let best = cache.get(word);
    if (best === undefined) {
      // Two letters swapped ("rsik") is one slip to a person but two edits to nlp.js: tried first.
      best = swaps(word).find((w) => vocabulary.has(w)) ?? checker.checkToken(word, word.length >= 7 ? 2 : 1);
      // Bounded: every new misspelling would otherwise be kept for the life of the process.
      if (cache.size >= 5000) cache.clear();
      cache.set(word, best);
    }
    return best;
  };
  return (text: string): string => words(text).map(fix).join(' ');
};
