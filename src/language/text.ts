/** Lower case, British or American spelling alike, no punctuation but hyphens, single spaces. */
export const tidy = (text: string): string =>
  text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}\s/-]/gu, ' ')
    .replace(/[/-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const words = (text: string): string[] => tidy(text).split(' ').filter(Boolean);

/** Edit distance, stopping early once it is over `max`. */
export const distance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const swap = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? (prev[j - 2] ?? 0) : Infinity;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1), swap);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
};

/**
 * Corrects words that are not in the vocabulary to the nearest one that is (one slip in a short
 * word, two in a long one), so "shwo the riks" reads as "show the risks". Numbers and short words stay.
 */
export const spellCorrector = (vocabulary: ReadonlySet<string>) => {
  const known = [...vocabulary];
  const cache = new Map<string, string>();
  const fix = (word: string): string => {
    if (word.length < 4 || vocabulary.has(word) || /\d/.test(word)) return word;
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const max = word.length >= 7 ? 2 : 1;
    let best = word;
    let bestD = max + 1;
    for (const k of known) {
      if (k.length < 3) continue;
      const d = distance(word, k, max);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    cache.set(word, best);
    return best;
  };
  return (text: string): string => words(text).map(fix).join(' ');
};
