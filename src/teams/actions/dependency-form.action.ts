import { DomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { dependencyFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { DependencyFormData } from './progress-data';

export const dependencyFormAction = defineAction({
  verb: VERBS.dependencyForm,
  data: DependencyFormData,
  run: async (ctx, d) => {
    const { dependencies, snapshot } = await ctx.services.risks.register();
    const dependency = d.dependency ? (dependencies.find((x) => x.id === d.dependency) ?? null) : null;
    if (d.mode !== 'add' && !dependency) throw new DomainError('INPUT.INVALID', 'That dependency is no longer in the plan.');
    const owners = d.mode === 'owner' ? await ctx.services.risks.ownerChoices(ctx.person) : [];
    return dependencyFormCard(d.mode, dependency, {}, '', snapshot.version, owners);
  },
});
