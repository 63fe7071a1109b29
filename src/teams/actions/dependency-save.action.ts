import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { dependencyFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { DependencyFormData } from './progress-data';

export const dependencySaveAction = defineAction({
  verb: VERBS.dependencySave,
  data: DependencyFormData,
  run: async (ctx, d) => {
    const risks = ctx.services.risks;
    const v = (k: string) => ctx.values[`f.${k}`];
    try {
      if (d.mode === 'add') await risks.addDependency(ctx.person, { area: v('area'), management: v('management') }, ctx.requestId);
      else if (!d.dependency) throw new Error('no dependency id');
      else if (d.mode === 'change') await risks.updateDependency(ctx.person, d.dependency, { management: v('management') }, ctx.requestId, d.baseVersion);
      else await risks.closeDependency(ctx.person, d.dependency, v('reason'), ctx.requestId, d.baseVersion);
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const { dependencies } = await risks.register();
      return dependencyFormCard(d.mode, dependencies.find((x) => x.id === d.dependency) ?? null, { ...ctx.values }, error.message, d.baseVersion);
    }
    return ctx.screens.risks(ctx.person, { style: 'good', text: 'Saved. The plan has a new version.' });
  },
});
