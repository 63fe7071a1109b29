import type { AssignmentService } from '../app/assignment.service';
import type { PlanOverviewService } from '../app/plan-overview.service';
import type { Clock, Store } from '../app/ports';
import type { EditResult, SectionEditingService } from '../app/section-editing.service';
import type { RequirementService } from '../app/requirement.service';
import { hasRole, type Person } from '../domain/people.schema';
import type { AdaptiveCardJson } from './cards';
import { COMMANDS } from './commands';
import { helpCard } from './views/help.view';
import { checkCard } from './views/readiness.view';
import { conflictCard, rowFormCard, savedCard, sectionFormCard } from './views/section.view';
import { statusCard } from './views/status.view';
import { sectionsCard, tasksCard } from './views/work.view';

export interface Services {
  readonly store: Store;
  readonly planId: string;
  readonly clock: Clock;
  readonly overview: PlanOverviewService;
  readonly editing: SectionEditingService;
  readonly assignments: AssignmentService;
  readonly requirements: RequirementService;
}

/** The screens people reach both by typing and by pressing buttons. */
export const screens = (s: Services) => {
  const names = async () => new Map((await s.store.listPeople()).map((p) => [p.id, p.name]));
  const today = () => s.clock.now().toISOString().slice(0, 10);
  return {
    names,
    today,
    help: async (person: Person) => helpCard(person, (await s.store.loadPlan(s.planId))?.plan ?? null, COMMANDS),
    status: async () => {
      const { snapshot, sections } = await s.overview.status();
      return statusCard(snapshot, sections, (await names()).get(snapshot.updatedBy ?? '') ?? 'the assistant');
    },
    sections: async (person: Person) => {
      const [{ snapshot, sections }, owners, drafts, people] = await Promise.all([
        s.overview.status(),
        s.store.listAssignments({ planId: s.planId, status: 'open' }),
        s.store.listDrafts(person.id, s.planId),
        names(),
      ]);
      return sectionsCard(snapshot.plan, snapshot.version, sections, owners, drafts, people, hasRole(person, 'sro'));
    },
    tasks: async (person: Person) => {
      const [{ tasks, drafts }, snapshot] = await Promise.all([s.assignments.tasksFor(person), s.overview.current()]);
      const commentText = (t: { reviewCommentId: string | null }) => {
        const c = snapshot.plan.reviewComments.find((x) => x.id === t.reviewCommentId);
        return c ? `${c.author} asked: “${c.text}”` : '';
      };
      return tasksCard(person, tasks, drafts, commentText, today());
    },
    check: async () => checkCard((await s.overview.readiness()).report),
    edit: async (result: EditResult): Promise<AdaptiveCardJson> => {
      switch (result.kind) {
        case 'form':
          return sectionFormCard(result, (await s.overview.current()).version, await names());
        case 'row':
          return rowFormCard(result);
        case 'conflict':
          return conflictCard(result);
        case 'saved':
          return savedCard(result);
      }
    },
  };
};

export type Screens = ReturnType<typeof screens>;
