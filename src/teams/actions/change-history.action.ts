import { VERBS } from '../verbs';
import { changeHistoryCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { HistoryData } from './progress-data';

export const changeHistoryAction = defineAction({
  verb: VERBS.changeHistory,
  data: HistoryData,
  run: async (ctx, d) => {
    const plan = (await ctx.services.overview.current()).plan;
    const title =
      d.kind === 'risk'
        ? `History of the risk: ${plan.risks.risks.find((r) => r.id === d.id)?.description ?? d.id}`
        : `History of the dependency: ${plan.dependencies.items.find((x) => x.id === d.id)?.area ?? d.id}`;
    return changeHistoryCard(title, await ctx.services.risks.history(d.kind, d.id), await ctx.screens.names(), { page: d.page, verb: VERBS.changeHistory, data: { kind: d.kind, id: d.id } });
  },
});
