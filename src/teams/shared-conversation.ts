import type { TurnContext } from 'botbuilder';
import type { IntentName } from '../app/understanding.port';
import { VERBS, type Verb } from './verbs';

/**
 * A channel or group chat is read by everyone in it: there the bot answers only what the whole
 * partnership may see (the plan, its readiness, risks, the report, history) and asks for a 1:1
 * chat for everything else: tasks, feedback from families, sign-off decisions, people and roles,
 * personal download links, and every card that writes.
 */
export const isShared = (context: TurnContext): boolean => {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || (type !== 'personal' && context.activity.conversation?.isGroup === true);
};

/** What a channel may see, typed as a command or in words; small talk is answered there too, with nothing personal. */
export const SHARED_INTENTS: ReadonlySet<IntentName> = new Set<IntentName>(['help', 'status', 'sections', 'check', 'risks', 'dependencies', 'report', 'history', 'smalltalk', 'outofscope']);

/** Card buttons that only read what the partnership may see together. */
export const SHARED_VERBS: ReadonlySet<Verb> = new Set<Verb>([VERBS.showStatus, VERBS.sections, VERBS.check, VERBS.group, VERBS.risks, VERBS.report, VERBS.history, VERBS.changeHistory, VERBS.updateHistory]);
