import { VERBS } from '../verbs';
import { updateHistoryCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { WorkstreamData } from './progress-data';

export const updateHistoryAction = defineAction({
  verb: VERBS.updateHistory,
  data: WorkstreamData,
  run: async (ctx, d) => {
    const plan = (await ctx.services.overview.current()).plan;
    const w = plan.deliveryPlan.workstreams.find((x) => x.id === d.workstream);
    const milestones = new Map((w ? Object.values(w.quarters).flatMap((q) => q.milestones) : []).map((m) => [m.id, m.text]));
    return updateHistoryCard(w ? `Workstream ${w.code}: ${w.name}` : d.workstream, await ctx.services.updates.history(d.workstream), await ctx.screens.names(), (id) => milestones.get(id) ?? id, {
      page: d.page,
      verb: VERBS.updateHistory,
      data: { workstream: d.workstream },
    });
  },
});
