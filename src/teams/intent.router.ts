import { roleTitle } from '../app/sign-off.service';
import type { AssistRequest } from '../app/assist.types';
import type { IntentName, UnderstoodEntities } from '../app/understanding.port';
import { DomainError } from '../domain/errors';
import type { SignatoryRole } from '../domain/plan.schema';
import { hasRole, type Person } from '../domain/people.schema';
import type { AdaptiveCardJson } from './cards';
import type { Screens, Services } from './screens';
import { noticeCard } from './views/notice.view';
import { signOffStatusCard } from './views/sign-off.view';
import { NOT_A_SIGNATORY, NOTHING_TO_SIGN, signatoryStateWords } from './words';
import { asInputs } from '../app/questionnaire/input-name';
import type { Situation } from '../app/understanding/intent-decision';
import { assignCard } from './views/work.view';
import { outOfScopeCard, smallTalkCard } from './views/chat.view';
import { peopleCard } from './views/people.view';

export interface IntentContext {
  readonly person: Person;
  readonly services: Services;
  readonly screens: Screens;
  readonly teamsUserId: string | undefined;
  /** What waits for the person, for a kind answer to say what is next; null in a shared chat. Read only when needed. */
  readonly situation: () => Promise<Situation | null>;
}

/** The feedback form's typed values: what was said and its theme, prefilled, never submitted. */
const feedbackTyped = (e: UnderstoodEntities): Record<string, unknown> => ({
  ...asInputs({ ...(e.said ? { said: e.said } : {}), ...(e.theme ? { theme: e.theme } : {}) }),
});

/** The signatory's own waiting request card, or a notice that nothing waits. */
const pendingRequest = async ({ person, services, screens, teamsUserId }: IntentContext): Promise<AdaptiveCardJson> => {
  if (!hasRole(person, 'signatory')) return noticeCard(NOT_A_SIGNATORY);
  const latest = await services.signOff.latest();
  const request = latest?.round.status === 'open' ? latest.requests.find((r) => r.personId === person.id && r.state === 'pending') : undefined;
  if (!latest || !request) return noticeCard(NOTHING_TO_SIGN);
  return screens.signOffView(person, latest.round.id, request.role, person.id, undefined, teamsUserId);
};

/** The signatory role a message is about: named as a role ("the DCS"), or as the person who holds one ("Duncan"). */
const roleAskedAbout = async (services: Services, e: UnderstoodEntities): Promise<SignatoryRole | undefined> => {
  if (e.signatoryRole) return e.signatoryRole;
  if (!e.personId) return undefined;
  const grant = (await services.roster.everyone()).find((p) => p.id === e.personId)?.roles.find((r) => r.role === 'signatory');
  return grant?.role === 'signatory' ? grant.signatoryRole : undefined;
};

/** Who has signed; about one signatory ("Duncan says the card never came"), their state first, Resend beside them for the SRO. */
const signOffStatus = async ({ person, services }: IntentContext, e: UnderstoodEntities): Promise<AdaptiveCardJson> => {
  const [overview, role] = await Promise.all([services.signOff.status(person), roleAskedAbout(services, e)]);
  let notice: { style: string; text: string } | null = null;
  if (role) {
    const request = overview.current?.requests.find((r) => r.role === role);
    const holder = overview.holders.find((h) => h.role === role)?.person ?? null;
    const name = request?.name ?? holder?.name ?? null;
    notice = { style: 'default', text: signatoryStateWords(roleTitle(role), overview.current ? name : null, request?.state ?? 'none') };
  }
  return signOffStatusCard(overview, hasRole(person, 'sro'), notice);
};

/** "Ask Jordan to fill in Q9 by next Friday": the assign card with the section, the person and the date filled in; nothing is sent until Assign. */
const assign = async ({ person, services, screens }: IntentContext, e: UnderstoodEntities): Promise<AdaptiveCardJson> => {
  if (!hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can assign sections.");
  if (!e.section) return screens.sections(person);
  return assignCard(e.section, await services.roster.everyone(), '', { ...(e.personId ? { assignee: e.personId } : {}), ...(e.dueDate ? { dueDate: e.dueDate } : {}) });
};

const assist = (ctx: IntentContext, request: AssistRequest) => ctx.screens.assist(ctx.person, request);

/**
 * The screen an understood message (or its "did you mean" button) opens. Every one is a read or
 * a card whose own button writes: nothing typed is ever saved by itself. Roles are the screens' own.
 */
export const routeIntent = async (ctx: IntentContext, intent: IntentName, e: UnderstoodEntities): Promise<AdaptiveCardJson> => {
  const { person, screens, services } = ctx;
  switch (intent) {
    case 'help':
      return screens.help(person);
    case 'status':
      return screens.status();
    case 'sections':
      return screens.sections(person);
    case 'tasks':
      return screens.tasks(person);
    case 'check':
      return screens.check();
    case 'update':
      return screens.update(person, e.workstreamId, e.quarter);
    case 'risks':
      return screens.risks(person, null, 0, e.rag);
    case 'report':
      return screens.report(e.quarter, person);
    case 'history':
      return screens.history();
    case 'signoff.start':
      return screens.signOffStart(person);
    case 'signoff.status':
      return signOffStatus(ctx, e);
    case 'signoff.approve':
    case 'signoff.decline':
      return pendingRequest(ctx);
    case 'feedback.give':
      return screens.feedbackForm(person, feedbackTyped(e));
    case 'feedback.list':
      return screens.feedbackList(person);
    case 'export':
      return screens.exportPlan(person);
    case 'spend':
      return screens.spend(person, e.quarter);
    case 'section.open':
      return e.section ? screens.edit(await services.editing.open(person, e.section, e.step)) : screens.sections(person);
    case 'assist.draft':
      return e.section ? assist(ctx, { kind: 'draft-section', section: e.section }) : screens.sections(person);
    case 'assist.summarise':
      return assist(ctx, { kind: 'summarise-updates', workstreamId: e.workstreamId ?? null, quarter: e.quarter ?? null });
    case 'assist.mitigation':
      return assist(ctx, { kind: 'suggest-mitigation', riskId: e.riskId ?? null });
    case 'assist.plain':
      return assist(ctx, { kind: 'plain-english', text: null });
    case 'dependencies':
      return screens.dependencies(person);
    case 'assign':
      return assign(ctx, e);
    case 'people':
      // "Why can't I edit anything?": anyone but the SRO is shown their own roles and what they can do.
      return hasRole(person, 'sro') ? peopleCard(await services.people.overview(person)) : screens.help(person);
    case 'smalltalk':
      return smallTalkCard(person, e.chat ?? 'ack', await ctx.situation());
    case 'outofscope':
      return outOfScopeCard(person, e.errand, await ctx.situation());
    default:
      throw new DomainError('INPUT.INVALID', 'That is not something I know how to do.');
  }
};
