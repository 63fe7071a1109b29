import { requirementById } from '../../domain/core-requirements.catalog';
import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { checkGroupCard, requirementCard } from '../views/readiness.view';
import { defineAction } from './action.types';
import { RequirementSaveData } from './card-data';

export const requirementSaveAction = defineAction({
  verb: VERBS.requirementSave,
  data: RequirementSaveData,
  run: async (ctx, d) => {
    try {
      await ctx.services.requirements.mark(
        ctx.person,
        { requirement: d.requirement, status: ctx.values.status, addressedIn: ctx.values.addressedIn, note: ctx.values.note, baseVersion: d.baseVersion },
        ctx.requestId,
      );
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const { snapshot, report } = await ctx.services.overview.readiness();
      return requirementCard(report, d.requirement, snapshot.version, error.message);
    }
    const { report } = await ctx.services.overview.readiness();
    return checkGroupCard(report, requirementById(d.requirement)?.group ?? '', true, `Saved ${d.requirement}.`);
  },
});
