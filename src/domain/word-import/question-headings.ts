import { EXECUTIVE_SUMMARY_HEADING, PART_TITLES, QUESTION_PROMPTS, SIGNATORIES_HEADING, type QuestionKey } from '../annex-a.text';
import { STILL_TO_PROVIDE_HEADING } from '../plan-gaps';
import { normalise, words } from './normalise';
import type { Region } from './plan-sections';

/**
 * Which of the template's headings a line of a file names: a question by its number and words, by
 * its words alone, by its prompt, or a part's title however it is cased. How a file is cut around
 * them is plan-sections.ts's.
 */
export const QUESTIONS = Object.entries(QUESTION_PROMPTS) as [QuestionKey, (typeof QUESTION_PROMPTS)[QuestionKey]][];

/** Each question heading's words, its number aside: worked out once, as every paragraph of a file is compared with them. */
const HEADING_WORDS = new Map(QUESTIONS.map(([key, q]) => [key, words(q.heading.replace(/^\d+\.\s*/, ''))]));

/** How many of a question heading's words a text has. */
const shared = (said: ReadonlySet<string>, key: QuestionKey): number => [...HEADING_WORDS.get(key)!].filter((w) => said.has(w)).length;
/** The same as a share of the heading's words, from 0 to 1. */
export const similarity = (said: ReadonlySet<string>, key: QuestionKey): number => shared(said, key) / Math.max(1, HEADING_WORDS.get(key)!.size);

/**
 * A part's title however it is punctuated or cased: "Annex B: Supporting documents" is the template's
 * "Annex B - Supporting Documents", and "Monitoring & Evaluation" its "Monitoring and Evaluation".
 */
const sameTitle = (text: string, title: string): boolean => {
  const plain = (t: string) => normalise(t).toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  return text.length <= 120 && plain(text) === plain(title);
};

/** The region a heading opens, if it is one of the template's (or the bot's own annexes). */
export const regionOf = (text: string): Region | undefined => {
  const t = normalise(text);
  if (!t || t.length > 200) return undefined;
  const lower = t.toLowerCase();
  if (lower === normalise(SIGNATORIES_HEADING).toLowerCase()) return 'signatories';
  if (lower === normalise(EXECUTIVE_SUMMARY_HEADING).toLowerCase()) return 'executiveSummary';
  if (sameTitle(t, PART_TITLES[5])) return 'supportingDocuments';
  if (sameTitle(t, PART_TITLES[6])) return 'annex-c';
  if (lower === STILL_TO_PROVIDE_HEADING.toLowerCase() || lower.startsWith('co-production annex')) return 'bot';
  // "9. System partner …" (or "Q9", "Q9.", "Question 9."): the number, and most of the template's words, so
  // a retyped or shortened heading still counts.
  // ("Question 13: …" is how the bot's own "Still to be provided" list names a gap, never a heading.)
  const n = /^(?:q\s*(\d{1,2})\s*[.):–-]?|(?:question\s*)?(\d{1,2})\s*[.)])\s+/i.exec(t);
  if (n) {
    const question = QUESTIONS.find(([, q]) => q.number === Number(n[1] ?? n[2]));
    if (question && similarity(words(t.slice(n[0].length)), question[0]) >= 0.6) return question[0];
  }
  return undefined;
};

/**
 * A question's heading without its number, as a Word numbered list or a retyped heading leaves it
 * ("What the local area partnership is trying to achieve?"): nearly all the template's words and few
 * others. Only a paragraph that looks like a heading is asked (see cutWord), so an answer that repeats
 * a question in a sentence does not cut the plan.
 */
export const unnumberedQuestion = (text: string): QuestionKey | undefined => {
  const t = normalise(text);
  if (!t || t.length > 200 || /^\d/.test(t)) return undefined;
  const said = words(t);
  // The closest question, as headings share many words ("What will … deliver in the first year?", "How will … deliver the first-year plan?"):
  // most of its heading's words, and few others.
  const scored = QUESTIONS.map(([key]) => ({ key, score: Math.min(similarity(said, key), shared(said, key) / said.size) })).sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  return best && best.score >= 0.8 && best.score > (next?.score ?? 0) ? best.key : undefined;
};

/** Words every question heading shares, or nearly: they say nothing about which question a heading is. */
const COMMON = new Set(['the', 'local', 'area', 'partnership', 'what', 'how', 'will', 'is', 'to', 'be', 'of', 'in', 'and', 'a', 'for', 'on', 'you', 'we', 'can', 'are', 'next', '3', 'years']);
/** The share of a question heading's own words (COMMON aside) that a text has. */
export const ownWordsShared = (said: ReadonlySet<string>, key: QuestionKey): number => {
  const own = [...HEADING_WORDS.get(key)!].filter((w) => !COMMON.has(w));
  return own.filter((w) => said.has(w) || said.has(w.replace(/ies$/, 'y'))).length / Math.max(1, own.length);
};

/** A part title ("Section 2 – Strategy") ends the section before it but opens none. */
export const isPartTitle = (text: string) => PART_TITLES.slice(0, 5).some((p) => sameTitle(text, p));

/** "Question 6:", "Question 6 –" at the start of a heading ("Q3:" may be a quarter, so only the word counts). */
export const QUESTION_NUMBERED = /^question\s*(\d{1,2})\s*[.:)-]\s*\S/i;

/** A heading that starts with the signatories' or executive summary's title and says a little more. */
export const partOpening = (text: string): Region | undefined => {
  const t = normalise(text).toLowerCase();
  if (t.length > 80) return undefined;
  if (t.startsWith(normalise(SIGNATORIES_HEADING).toLowerCase())) return 'signatories';
  if (t.startsWith(normalise(EXECUTIVE_SUMMARY_HEADING).toLowerCase())) return 'executiveSummary';
  return undefined;
};

/** Each question's prompt as the template opens it ("Please set out your goals for your local system. …"). */
export const FIRST_PROMPTS = new Map(
  QUESTIONS.flatMap(([key, q]) => {
    const first = q.prompt[0];
    const text = first?.kind === 'paragraph' ? first.text : first?.items[0];
    return text ? [[normalise(text), key] as const] : [];
  }),
);
