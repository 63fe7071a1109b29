import type { PlanVocabulary, UnderstoodEntities } from '../app/understanding.port';
import type { FeedbackTheme } from '../domain/feedback.schema';
import type { RagRating, SectionKey } from '../domain/plan.schema';
import { SECTIONS } from '../domain/plan.sections';
import { quarter, type Quarter, type QuarterNumber } from '../domain/quarters';
import { chatKindIn, errandIn } from './chat.entity';
import { dateIn } from './dates.entity';
import { maskPeople, personIn, ROLE_WORDS } from './people.entity';
import { tidy, words } from './text';

/** What people call each section besides its number: the short name and the words partners use. */
const SECTION_WORDS: readonly [SectionKey, readonly string[]][] = [
  ['executiveSummary', ['executive summary', 'exec summary', 'summary section']],
  ['header', ['partnership details', 'sro details', 'the partnership section']],
  ['signatories', ['signatories section', 'signatory section', 'signatories bit', 'signatories page', 'signatory page', 'list of signatories', 'signatories list']],
  ['visionAndGoals', ['vision and goals', 'vision', 'goals', 'goal']],
  ['threeYearPicture', ['three year picture', '3 year picture', 'three year', 'next 3 years']],
  ['theoryOfChange', ['theory of change', 'strategy section']],
  ['maturityAssessment', ['maturity assessment', 'maturity tool', 'maturity']],
  ['roadmap', ['roadmap', 'road map']],
  ['deliveryPlan', ['first year delivery plan', 'delivery plan', 'first year plan']],
  ['deliveryCapacity', ['delivering the first year', 'delivery capacity', 'capacity section']],
  ['otherFunding', ['other funding', 'funding section', 'funding']],
  ['engagement', ['engagement and co production', 'engagement', 'co production', 'coproduction']],
  ['risks', ['risks section', 'risk section', 'risks bit', 'risks part', 'risks and mitigations']],
  ['dependencies', ['dependencies section', 'dependencies bit', 'dependencies part']],
  ['monitoring', ['monitoring']],
  ['reportingToDfe', ['reporting to dfe', 'dfe reporting']],
  ['governance', ['governance']],
  ['centralGovernmentSupport', ['central government support', 'how can we help', 'government support']],
  ['supportingDocuments', ['supporting documents', 'annex b']],
];

/** Compiled once: a message is read against every one. */
const SECTION_PATTERNS: readonly [SectionKey, RegExp][] = SECTION_WORDS.map(([key, phrases]) => [key, new RegExp(`\\b(${phrases.join('|')})\\b`)]);

const ROLE_WORDS_ALL = ROLE_WORDS.map(([, re]) => new RegExp(re.source, 'g'));

const THEME_WORDS: readonly [FeedbackTheme, RegExp][] = [
  ['ehcp-timeliness', /\behcps?\b|\beducation health and care\b|\bannual reviews?\b|\bneeds assessments?\b/],
  ['experts-at-hand', /\bexperts at hand\b|\beaho?\b|\btherap(y|ies|ists?)\b|\bspeech\b|\bsalt\b|\bed(ucational)? psych/],
  ['specialist-places-and-travel', /\btransport\b|\btravel\b|\bspecialist (place|school)s?\b|\bspecial schools?\b|\bbus\b|\btaxi\b/],
  ['inclusion-in-schools', /\bschools?\b|\binclusion\b|\bexclu(ded|sions?)\b|\bsenco\b|\bclassroom\b/],
  ['communication', /\bcommunicat\w*\b|\bletters?\b|\bemails?\b|\bnot told\b|\bkept informed\b|\bnewsletter\b|\bphone calls?\b/],
];

/** Words too common to tell one risk from another. */
const STOP = new Set('the a an of for to and or in on at by is are be it this that risk risks mitigation mitigate suggest suggestion please could you can we our with from into as not do does about some any'.split(' '));

const stem = (w: string) => w.replace(/(ies)$/, 'y').replace(/(es|s)$/, '');
const significant = (text: string) => new Set(words(text).filter((w) => !STOP.has(w) && w.length > 1).map(stem));

export const previousQuarter = (q: Quarter): Quarter => (q.number === 1 ? quarter(q.year - 1, 4) : quarter(q.year, (q.number - 1) as QuarterNumber));
const nextQuarter = (q: Quarter): Quarter => (q.number === 4 ? quarter(q.year + 1, 1) : quarter(q.year, (q.number + 1) as QuarterNumber));

export const quarterIn = (t: string, current: Quarter | undefined): string | undefined => {
  if (!current) return undefined;
  if (/\b(this|current|the current) quarter\b|\bthis quarters?\b/.test(t)) return current.id;
  if (/\b(last|previous|past) quarter\b|\blast quarters?\b/.test(t)) return previousQuarter(current).id;
  if (/\bnext quarter\b/.test(t)) return nextQuarter(current).id;
  const m = /\b(?:q|quarter )([1-4])\b/.exec(t);
  return m ? quarter(current.year, Number(m[1]) as QuarterNumber).id : undefined;
};

export const sectionIn = (t: string): { section: SectionKey; step?: number } | undefined => {
  const q = /\b(?:q|question |section )(1[0-5]|[1-9])\b/.exec(t);
  const byNumber = q ? SECTIONS.find((s) => s.question === Number(q[1])) : undefined;
  const goal = /\b(first|second|third|fourth|fifth|1st|2nd|3rd) goal\b|\bgoals?\b/.exec(t);
  if (goal && !byNumber) return { section: 'visionAndGoals', step: 1 };
  if (byNumber) return { section: byNumber.key };
  const key = SECTION_PATTERNS.find(([, re]) => re.test(t))?.[0];
  return key ? { section: key } : undefined;
};

export const workstreamIn = (t: string, vocabulary: PlanVocabulary | undefined): string | undefined => {
  const all = vocabulary?.workstreams ?? [];
  const code = /\b(?:ws|workstream|work stream|stream)\s?(\d{1,2}[a-z]?)\b/.exec(t)?.[1];
  if (code) return all.find((w) => w.code.toLowerCase() === code)?.id;
  for (const w of all) {
    const name = tidy(w.name.split(/[–(]/)[0] ?? w.name);
    if (name.length > 3 && t.includes(name)) return w.id;
    const acronym = /\(([A-Z]{2,})\)/.exec(w.name)?.[1]?.toLowerCase();
    if (acronym && new RegExp(`\\b${acronym}\\b`).test(t)) return w.id;
  }
  return undefined;
};

/** Risk descriptions change rarely; their words are worked out once each. */
const riskWords = new Map<string, Set<string>>();
const wordsOfRisk = (description: string) => {
  let found = riskWords.get(description);
  if (!found) {
    if (riskWords.size > 500) riskWords.clear();
    found = significant(description);
    riskWords.set(description, found);
  }
  return found;
};

export const riskIn = (t: string, vocabulary: PlanVocabulary | undefined): string | undefined => {
  const said = significant(t);
  let best: { id: string; hits: number } | undefined;
  for (const r of vocabulary?.risks ?? []) {
    const hits = [...wordsOfRisk(r.description)].filter((w) => said.has(w)).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { id: r.id, hits };
  }
  return best?.id;
};

const RAGS: readonly [RagRating, RegExp][] = [['Red', /\bred\b/], ['Amber', /\bamber\b/], ['Green', /\bgreen\b/]];

/** What the person said, for a feedback form: the words after "feedback about", else the whole message. */
export const saidIn = (original: string): string | undefined => {
  const text = original.replace(/<at>.*?<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
  const m = /^(?:please\s+)?(?:(?:i(?:'d| would)? (?:want|like|need) to|can i|could i|let me)\s+)?(?:give|send|submit|leave|pass on|share|log|record)\s+(?:some\s+)?feedback(?:\s+(?:about|on|that|regarding|re))?[:\s-]*(.*)$/i.exec(text);
  const rest = (m ? m[1] : text)?.trim() ?? '';
  return rest ? rest.slice(0, 2000) : undefined;
};

export const entitiesIn = (text: string, vocabulary: PlanVocabulary | undefined): UnderstoodEntities => {
  const t = tidy(text);
  const section = sectionIn(t);
  const theme = THEME_WORDS.find(([, re]) => re.test(t))?.[0];
  return {
    workstreamId: workstreamIn(t, vocabulary),
    quarter: quarterIn(t, vocabulary?.currentQuarter),
    section: section?.section,
    step: section?.step,
    signatoryRole: ROLE_WORDS.find(([, re]) => re.test(t))?.[0],
    riskId: riskIn(t, vocabulary),
    theme,
    rag: RAGS.find(([, re]) => re.test(t))?.[0],
    said: saidIn(text),
    personId: personIn(t, vocabulary),
    dueDate: dateIn(t, vocabulary?.today)?.date,
    chat: chatKindIn(t),
    errand: errandIn(t),
  };
};

/**
 * The message with the values it names replaced by their kind ("post the ws2 q3 update" reads
 * "post the workstream quarter update"), so the classifier learns phrasings, not names.
 */
export const masked = (t: string, vocabulary: PlanVocabulary | undefined): string => {
  let out = maskPeople(dateIn(t, vocabulary?.today)?.masked ?? t, vocabulary?.people)
    .replace(/\b(?:ws|workstream|work stream)\s?\d{1,2}[a-z]?\b/g, 'workstream')
    .replace(/\b(this|last|previous|next|current) quarters?\b/g, 'quarter')
    .replace(/\bquarter [1-4]\b|\bq[1-4]\b/g, 'quarter')
    .replace(/\b(?:q|question )(1[0-5]|[5-9])\b/g, 'section')
    .replace(/\bsection (1[0-5]|[1-9])\b/g, 'section');
  for (const re of ROLE_WORDS_ALL) out = out.replace(re, 'signatory');
  for (const w of vocabulary?.workstreams ?? []) {
    const name = tidy(w.name.split(/[–(]/)[0] ?? w.name);
    if (name.length > 3) out = out.split(name).join('workstream');
  }
  return out.replace(/\s+/g, ' ').trim();
};
