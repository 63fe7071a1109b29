import type { RoleName } from '../../domain/people.schema';
import type { IntentName, Understood, UnderstoodEntities } from './understanding.port';

/** What the bot knows of the person typing, beyond their words: their roles and what waits for them. */
export interface Situation {
  readonly roles: readonly RoleName[];
  /** A sign-off request is waiting for their answer. */
  readonly signOffWaiting: boolean;
  /** A workstream they lead has no update for this quarter yet. */
  readonly updateDue: boolean;
  /** Sections are assigned to them. */
  readonly tasksWaiting: boolean;
}

export type Decision =
  | { readonly kind: 'open'; readonly intent: IntentName; readonly entities: UnderstoodEntities }
  | { readonly kind: 'guess'; readonly guesses: readonly IntentName[]; readonly entities: UnderstoodEntities }
  | { readonly kind: 'unknown'; readonly entities: UnderstoodEntities };

/**
 * How sure the best reading must be, after priors, before it opens by itself. Chosen on the blind
 * validation set (npm run bench -- --language), where it gives the most right first answers.
 */
export const CONFIDENT = 0.45;
/** How likely a guess must be to be offered as "did you mean". */
export const GUESS = 0.08;

/**
 * A question is answered by a read, never by the form that writes: "has the DCS signed?" is the
 * sign-off status, "who is late with their return?" the report, "what did parents say?" the log.
 */
export const READ_FOR_QUESTION: Partial<Record<IntentName, IntentName>> = {
  'signoff.start': 'signoff.status',
  'signoff.approve': 'signoff.status',
  'signoff.decline': 'signoff.status',
  update: 'report',
  spend: 'report',
  'feedback.give': 'feedback.list',
  assign: 'status',
};

/** Asking to be shown ("can I see what the forum said", "show me who has signed") is a read too; "show me what I need to sign" is still the signatory's own card. */
export const READ_TO_SEE: Partial<Record<IntentName, IntentName>> = {
  'signoff.start': 'signoff.status',
  'feedback.give': 'feedback.list',
};

type Prior = (s: Situation) => number;
const has = (s: Situation, role: RoleName) => s.roles.includes(role);

/**
 * How much likelier each intent is for this person: a signatory with a request waiting most likely
 * means their own card, a lead with an update due their update, a forum rep feedback. Intents a role
 * cannot use are made unlikelier, never impossible: the screen itself says who may use it.
 */
export const PRIORS: Partial<Record<IntentName, Prior>> = {
  'signoff.approve': (s) => (s.signOffWaiting ? 2 : has(s, 'signatory') ? 1 : 0.25),
  'signoff.decline': (s) => (s.signOffWaiting ? 2 : has(s, 'signatory') ? 1 : 0.25),
  'signoff.start': (s) => (has(s, 'sro') ? 1.5 : 0.5),
  'signoff.status': (s) => (has(s, 'sro') ? 1.3 : 1),
  assign: (s) => (has(s, 'sro') ? 1.5 : 0.4),
  people: (s) => (has(s, 'sro') ? 1.3 : 0.5),
  update: (s) => (s.updateDue ? 2 : has(s, 'workstream-lead') ? 1.3 : 0.6),
  spend: (s) => (has(s, 'workstream-lead') || has(s, 'sro') ? 1 : 0.5),
  'feedback.give': (s) => (has(s, 'pcf-rep') || has(s, 'cyp-rep') ? 1.5 : 1),
  'feedback.list': (s) => (has(s, 'pcf-rep') || has(s, 'cyp-rep') ? 1.5 : 1),
  tasks: (s) => (s.tasksWaiting ? 1.5 : 1),
};

/** How much likelier "I cannot do that" is when a message names an errand such as a meeting or an e-mail. */
const ERRAND_WEIGHT = 3;

export interface Ranked {
  readonly intent: IntentName;
  readonly score: number;
}

/** The classifier's readings weighed by this person's priors, read for a question, best first, summing to 1. */
export const weigh = (understood: Understood, situation: Situation): Ranked[] => {
  // Asking it to do something it cannot ("e-mail the DfE", "book a call") makes that the likelier reading;
  // telling it about one ("nobody answers parents' e-mails") does not.
  const errand = understood.asksErrand ? ERRAND_WEIGHT : 1;
  const raw = understood.intent === 'none' ? understood.alternatives : [{ intent: understood.intent, score: understood.score }, ...understood.alternatives];
  const weighed = new Map<IntentName, number>();
  for (const r of raw) {
    const intent = (understood.question && READ_FOR_QUESTION[r.intent]) || (understood.toSee && READ_TO_SEE[r.intent]) || r.intent;
    // The prior of what will open: a question about signatures is weighed as the status it opens.
    const score = r.score * (PRIORS[intent]?.(situation) ?? 1) * (intent === 'outofscope' ? errand : 1);
    weighed.set(intent, (weighed.get(intent) ?? 0) + score);
  }
  // Bayes: the classifier's reading times the prior, over every reading, so a clear reading stays clear.
  const total = [...weighed.values()].reduce((a, b) => a + b, 0) || 1;
  return [...weighed].map(([intent, score]) => ({ intent, score: score / total })).sort((a, b) => b.score - a.score);
};

/** The first answer to a typed message: the screen when sure, guesses when not, else what this person can do. */
export const decide = (understood: Understood, situation: Situation, confident = CONFIDENT): Decision => {
  const ranked = weigh(understood, situation);
  const top = ranked[0];
  const entities = understood.entities;
  if (top && top.score >= confident) return { kind: 'open', intent: top.intent, entities };
  const guesses = ranked.filter((r) => r.score >= GUESS).slice(0, 2).map((r) => r.intent);
  return guesses.length ? { kind: 'guess', guesses, entities } : { kind: 'unknown', entities };
};
