import { DomainError } from '../../domain/errors';
import { hasRole } from '../../domain/people.schema';
import { VERBS } from '../verbs';
import { assignCard } from '../views/work.view';
import { defineAction } from './action.types';
import { SectionData } from './card-data';

export const assignFormAction = defineAction({
  verb: VERBS.assignForm,
  data: SectionData,
  run: async (ctx, d) => {
    if (!hasRole(ctx.person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can assign sections.");
    return assignCard(d.section, await ctx.services.roster.everyone());
  },
});
