import type { FeedbackItem } from '../domain/feedback.schema';
import type { Plan, SectionKey } from '../domain/plan.schema';
import { sectionInfo } from '../domain/plan.sections';
import type { StoredUpdate } from '../domain/workstream-update.schema';

/**
 * What a model may be shown of the plan: its words, never how to reach people (emails,
 * signatures) nor our internal ids and who-did-what bookkeeping.
 */
const HIDDEN_KEYS = new Set(['id', 'email', 'owner', 'signature', 'signatories', 'reviewComments', 'workstreamId', 'submitterId', 'submitterName', 'ownerId', 'byId', 'byName', 'authorId', 'planId']);
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g;

/** Longest piece of plan text one prompt carries per part: enough to draft from, within the model's window. */
const PART_CHARS = 3000;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max).trimEnd()} …`);

/** Any value as indented text, with hidden keys, empty answers and email addresses left out. */
export const readable = (value: unknown, max = PART_CHARS): string =>
  clip(
    JSON.stringify(
      value,
      (key, v: unknown) => (HIDDEN_KEYS.has(key) || v === null || v === '' ? undefined : typeof v === 'string' ? v.replace(EMAIL, '[email address removed]') : v),
      1,
    ) ?? '',
    max,
  );

/** The parts of the plan that set the scene for drafting any section, plus the section itself. */
export const planContext = (plan: Plan, section: SectionKey): string => {
  const parts: SectionKey[] = [...new Set<SectionKey>([section, 'executiveSummary', 'visionAndGoals', 'threeYearPicture', 'deliveryPlan', 'risks'])];
  return parts.map((key) => `## ${sectionInfo(key).title}\n${readable(key === 'deliveryPlan' ? plan.deliveryPlan.workstreams.map((w) => ({ code: w.code, name: w.name, outcome: w.outcome })) : plan[key])}`).join('\n\n');
};

/** Feedback as the person may read it: what was said and what was done, without who said it. */
export const feedbackContext = (items: readonly FeedbackItem[]): string =>
  items.length ? items.slice(0, 10).map((i) => `- They said: ${readable(i.said, 600)}${i.answer ? `\n  We did: ${readable(i.answer.text, 600)}` : ''}`).join('\n') : 'None recorded.';

export const updatesContext = (updates: readonly StoredUpdate[]): string =>
  updates.length
    ? updates
        .map((u) => readable({ quarter: u.quarter, posted: u.at.slice(0, 10), milestones: u.milestones, actual: u.actual, narrative: u.narrative, blockers: u.blockers, supportNeeded: u.supportNeeded }, 2000))
        .join('\n\n')
    : 'No updates have been posted for this quarter.';
