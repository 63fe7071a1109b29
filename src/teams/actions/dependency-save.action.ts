import { inputValue } from '../../app/questionnaire/input-name';
import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { dependencyFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { DependencySaveData } from './progress-data';

export const dependencySaveAction = defineAction({
  verb: VERBS.dependencySave,
  data: DependencySaveData,
  run: async (ctx, d) => {
    const risks = ctx.services.risks;
    const v = (k: string) => inputValue(ctx.values, k);
    try {
      if (d.mode === 'add') await risks.addDependency(ctx.person, { area: v('area'), management: v('management') }, ctx.requestId);
      else if (d.mode === 'change') await risks.updateDependency(ctx.person, d.dependency, { management: v('management') }, ctx.requestId, d.baseVersion);
      else if (d.mode === 'owner') await risks.setOwner(ctx.person, 'dependency', d.dependency, v('owner'), ctx.requestId, d.baseVersion);
      else await risks.closeDependency(ctx.person, d.dependency, v('reason'), ctx.requestId, d.baseVersion);
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const { dependencies } = await risks.register();
      const owners = d.mode === 'owner' ? await risks.ownerChoices(ctx.person) : [];
      const id = d.mode === 'add' ? undefined : d.dependency;
      return dependencyFormCard(d.mode, dependencies.find((x) => x.id === id) ?? null, { ...ctx.values }, error.message, d.baseVersion, owners);
    }
    return ctx.screens.risks(ctx.person, { style: 'good', text: 'Saved. The plan has a new version.' });
  },
});
