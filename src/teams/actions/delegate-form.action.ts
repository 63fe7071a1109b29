import { VERBS } from '../verbs';
import { delegateFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { WorkstreamData } from './progress-data';

export const delegateFormAction = defineAction({
  verb: VERBS.delegateForm,
  data: WorkstreamData,
  run: async (ctx, d) => {
    const plan = (await ctx.services.overview.current()).plan;
    const w = plan.deliveryPlan.workstreams.find((x) => x.id === d.workstream);
    return delegateFormCard(d.workstream, w ? `Workstream ${w.code}: ${w.name}` : d.workstream, await ctx.services.roster.everyone());
  },
});
