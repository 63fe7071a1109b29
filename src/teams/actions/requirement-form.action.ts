import { DomainError } from '../../domain/errors';
import { hasRole } from '../../domain/people.schema';
import { VERBS } from '../verbs';
import { requirementCard } from '../views/readiness.view';
import { defineAction } from './action.types';
import { RequirementData } from './card-data';

export const requirementFormAction = defineAction({
  verb: VERBS.requirementForm,
  data: RequirementData,
  run: async (ctx, d) => {
    if (!hasRole(ctx.person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can assess the requirements.");
    const { snapshot, report } = await ctx.services.overview.readiness();
    return requirementCard(report, d.requirement, snapshot.version);
  },
});
