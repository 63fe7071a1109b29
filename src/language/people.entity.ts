import type { PlanVocabulary, VocabularyPerson } from '../app/understanding.port';
import type { SignatoryRole } from '../domain/plan.schema';
import { tidy } from './text';

/** Signatory roles as people say them; the ICB's are looked for before the council's. */
export const ROLE_WORDS: readonly [SignatoryRole, RegExp][] = [
  ['icb-chief-executive', /\bicb (ceo|chief exec(utive)?|boss)s?\b|\bchief exec(utive)? (of|at) the icb\b|\bnhs (ceo|chief exec(utive)?)s?\b/],
  ['icb-place-director', /\b(nhs |icb )?place directors?\b|\bicb place\b|\bdirector of place\b/],
  ['director-of-childrens-services', /\bdcss?\b|\bdirector of childrens? services?\b|\bchildrens director\b/],
  ['la-chief-finance-officer', /\b(section |s)?151( officer)?\b|\bcfos?\b|\bchief financ(e|ial) officer\b|\bfinance director\b|\bdirector of finance\b/],
  ['la-chief-executive', /\b(la |council |local authority )?(ceo|chief exec(utive)?)s?\b/],
];

const SRO_WORDS = /\bsro\b|\bsenior responsible officer\b/;

/** Names worked out once per roster: the roster changes rarely, messages often. */
interface Names {
  readonly full: readonly [RegExp, VocabularyPerson][];
  readonly first: readonly [RegExp, VocabularyPerson][];
  readonly all: RegExp | null;
}
let cached: { key: string; names: Names } | undefined;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word, in any alphabet ("Zoë"), with an optional possessive s. */
const wordOf = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})s?(?![\\p{L}\\p{N}])`, 'u');
/** First names that are everyday words: alone they name nobody ("will you", "amber risks"). */
const WORD_NAMES = new Set('will may june april august mark bill grace hope faith joy rose amber summer dawn sky pat sue ray rich frank jack lee page art chase carol dean don'.split(' '));

const namesOf = (people: readonly VocabularyPerson[]): Names => {
  // Keyed by content: each turn builds a new roster array, and the regular expressions are the costly part.
  const key = people.map((p) => `${p.id}\u0000${p.name}`).join('\u0001');
  if (cached?.key === key) return cached.names;
  const firstCount = new Map<string, number>();
  for (const p of people) {
    const first = tidy(p.name).split(' ')[0] ?? '';
    firstCount.set(first, (firstCount.get(first) ?? 0) + 1);
  }
  const full: [RegExp, VocabularyPerson][] = [];
  const first: [RegExp, VocabularyPerson][] = [];
  const words: string[] = [];
  for (const p of people) {
    const name = tidy(p.name);
    // A display name of symbols only ("—") names nobody, and must not match everywhere.
    if (name.length < 2) continue;
    const given = name.split(' ')[0] ?? '';
    full.push([wordOf(escape(name)), p]);
    words.push(escape(name));
    // A first name two people share names neither; a short one or an everyday word is too easily something else.
    if (given.length >= 3 && given !== name && firstCount.get(given) === 1 && !WORD_NAMES.has(given)) {
      first.push([wordOf(escape(given)), p]);
      words.push(escape(given));
    }
  }
  words.sort((a, b) => b.length - a.length);
  const names = { full, first, all: words.length ? new RegExp(wordOf(words.join('|')).source, 'gu') : null };
  cached = { key, names };
  return names;
};

/** The person a message names: by full name, by a first name only they have, else by their role ("the DCS"). */
export const personIn = (t: string, vocabulary: PlanVocabulary | undefined): string | undefined => {
  const people = vocabulary?.people ?? [];
  if (!people.length) return undefined;
  const names = namesOf(people);
  const named = names.full.find(([re]) => re.test(t)) ?? names.first.find(([re]) => re.test(t));
  if (named) return named[1].id;
  const role = ROLE_WORDS.find(([, re]) => re.test(t))?.[0];
  if (role) return people.find((p) => p.signatoryRole === role)?.id;
  return SRO_WORDS.test(t) ? people.find((p) => p.sro)?.id : undefined;
};

/** The message with roster names read as "someone", so "ask Jordan" and "ask Priya" teach the same thing. */
export const maskPeople = (t: string, people: readonly VocabularyPerson[] | undefined): string => {
  const all = people?.length ? namesOf(people).all : null;
  return all ? t.replace(all, 'someone') : t;
};
