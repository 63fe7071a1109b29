import type { RiskScale } from '../domain/plan.schema';
import { DEFAULT_MATRICES, type RiskMatrix } from '../domain/risk-rating';
import { AssignmentService } from './assignment.service';
import { PlanOverviewService } from './plan-overview.service';
import type { Clock, Notifier, Store } from './ports';
import { ReportService } from './report.service';
import { RequirementService } from './requirement.service';
import { RiskRegisterService } from './risk-register.service';
import { SectionEditingService } from './section-editing.service';
import { WorkstreamUpdateService } from './workstream-update.service';
import { SignOffService } from './sign-off.service';
import { FeedbackService } from './feedback.service';
import { observePlanChanges } from './plan-change.hook';
import { enforcePlanRules } from './plan-rules.hook';
import { PlanDocumentService } from './plan-document.service';
import { DocumentExportService } from './document-export.service';
import { DocumentVerifyService } from './document-verify.service';
import { SpendActualService } from './spend-actual.service';
import { OutboxDispatcher } from './outbox.service';
import { SignOffQuestionService } from './sign-off-questions.service';
import { DraftingService } from './drafting.service';
import { unconfiguredDraftingModel, type DraftingModel } from './drafting.port';
import type { TeamDirectory } from './partnership-team.port';
import { PartnershipTeamService } from './partnership-team.service';
import { PeopleService } from './people.service';
import { ReachService } from './reach.service';
import { ChannelPostService } from './channel-post.service';
import { RosterQueries } from './roster-queries';
import type { GapStyle } from '../domain/plan-gaps';
import { SituationService } from './understanding/situation.service';
import { WordImportService } from './word-import.service';

/** Every journey, wired to one store, plan, clock and notifier. */
export interface Services {
  readonly planId: string;
  readonly clock: Clock;
  readonly overview: PlanOverviewService;
  readonly editing: SectionEditingService;
  readonly assignments: AssignmentService;
  readonly requirements: RequirementService;
  readonly updates: WorkstreamUpdateService;
  readonly risks: RiskRegisterService;
  readonly reports: ReportService;
  readonly signOff: SignOffService;
  readonly feedback: FeedbackService;
  readonly documents: PlanDocumentService;
  readonly exports: DocumentExportService;
  readonly verify: DocumentVerifyService;
  readonly spend: SpendActualService;
  /** Sends the notifications queued with changes; the periodic tick sends what is left. */
  readonly outbox: OutboxDispatcher;
  readonly signOffQuestions: SignOffQuestionService;
  /** AI drafting help: suggestions only, never written to the plan by itself. */
  readonly drafting: DraftingService;
  /** Where each person is reached: their own chat, or one opened through the partnership's team. */
  readonly reach: ReachService;
  readonly teams: PartnershipTeamService;
  readonly people: PeopleService;
  readonly channel: ChannelPostService;
  readonly roster: RosterQueries;
  /** What waits for someone, to weigh their own words by. */
  readonly situation: SituationService;
  /** A filled Annex A in Word, compared with the plan and read back into it. */
  readonly wordImport: WordImportService;
}

/**
 * The journeys and the store they write through (with the plan's rules and the sign-off hook), for
 * the command line and tests. The Teams layer is given `Services` alone: it asks use cases, never the store.
 */
export interface ServicesWithStore extends Services {
  readonly store: Store;
}

export const createServices = (deps: {
  store: Store;
  planId: string;
  clock: Clock;
  notifier: Notifier;
  matrices?: Readonly<Record<RiskScale, RiskMatrix>>;
  /** How long a download link works, in days. */
  linkDays?: number;
  /** Where the exported plan says what is still missing (EXPORT_GAPS). */
  gaps?: GapStyle;
  /** The AI model for drafting help; without one, asking for help says it is not switched on. */
  draftingModel?: DraftingModel;
  /** How people are reached; made here (with no team directory) when not given. */
  reach?: ReachService;
  /** Teams' connector for rosters and channel posts; absent, the bot reaches only people who wrote to it. */
  directory?: TeamDirectory | null;
  allowedTenantIds?: readonly string[];
  /** The roster is kept in a file by an administrator: Teams cannot change it. */
  rosterManagedByFile?: boolean;
  /** Where a failure that must not fail the person's request is told (a background hook). */
  log?: (event: Record<string, unknown>) => void;
}): ServicesWithStore => {
  const { planId, clock } = deps;
  const matrices = deps.matrices ?? DEFAULT_MATRICES;
  const documents = new PlanDocumentService(deps.store, planId, matrices, deps.gaps ?? 'list');
  const outbox = new OutboxDispatcher(deps.store, deps.notifier, clock);
  const signOff = new SignOffService(deps.store, planId, deps.notifier, clock, documents, outbox);
  // Every journey writes through this store: the plan's rules apply to every save, and any plan change reaches sign-off.
  const store = observePlanChanges(enforcePlanRules(deps.store, matrices), (snapshot) => signOff.voidIfChanged(snapshot), (error) =>
    (deps.log ?? (() => undefined))({ event: 'sign-off not voided after a plan change', error: (error as Error)?.message ?? String(error) }),
  );
  const updates = new WorkstreamUpdateService(store, planId, clock);
  const spend = new SpendActualService(store, planId, clock);
  const reports = new ReportService(store, planId, updates, clock, spend, matrices);
  const exports = new DocumentExportService({ store, planId, clock, documents, signOff, reports, linkDays: deps.linkDays ?? 7 });
  const feedback = new FeedbackService(store, planId, deps.notifier, clock, outbox);
  const assignments = new AssignmentService(store, planId, clock, outbox);
  const reach = deps.reach ?? new ReachService(store, deps.directory ?? null, clock, { allowedTenantIds: deps.allowedTenantIds ?? [] });
  return {
    store,
    planId,
    clock,
    overview: new PlanOverviewService(store, planId),
    editing: new SectionEditingService(store, planId, clock),
    assignments,
    requirements: new RequirementService(store, planId),
    updates,
    risks: new RiskRegisterService(store, planId, matrices),
    reports,
    signOff,
    feedback,
    documents,
    exports,
    verify: new DocumentVerifyService(store, exports, signOff),
    spend,
    outbox,
    signOffQuestions: new SignOffQuestionService(store, clock, outbox, signOff),
    drafting: new DraftingService(store, planId, clock, feedback, deps.draftingModel ?? unconfiguredDraftingModel),
    reach,
    teams: new PartnershipTeamService(store, deps.allowedTenantIds ?? []),
    people: new PeopleService(store, planId, reach, { managedByFile: deps.rosterManagedByFile ?? false, allowedTenantIds: deps.allowedTenantIds ?? [] }),
    channel: new ChannelPostService(store, deps.directory ?? null, reports, signOff),
    roster: new RosterQueries(store),
    situation: new SituationService(signOff, updates, assignments),
    wordImport: new WordImportService(store, planId, documents),
  };
};
