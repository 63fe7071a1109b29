import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { riskFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { RiskFormData } from './progress-data';

const field = (values: Readonly<Record<string, unknown>>, key: string) => values[`f.${key}`];

export const riskSaveAction = defineAction({
  verb: VERBS.riskSave,
  data: RiskFormData,
  run: async (ctx, d) => {
    const risks = ctx.services.risks;
    const input = {
      description: field(ctx.values, 'description'),
      scale: field(ctx.values, 'scale'),
      impact: field(ctx.values, 'impact'),
      likelihood: field(ctx.values, 'likelihood'),
      mitigation: field(ctx.values, 'mitigation'),
      residualRag: field(ctx.values, 'residualRag'),
      headline: field(ctx.values, 'headline'),
    };
    try {
      if (d.mode === 'add') await risks.addRisk(ctx.person, input, ctx.requestId);
      else if (!d.risk) throw new Error('no risk id');
      else if (d.mode === 'rescore') await risks.rescore(ctx.person, d.risk, input, ctx.requestId, d.baseVersion);
      else if (d.mode === 'change') await risks.update(ctx.person, d.risk, input, ctx.requestId, d.baseVersion);
      else await risks.close(ctx.person, d.risk, field(ctx.values, 'reason'), ctx.requestId, d.baseVersion);
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID') && !isDomainError(error, 'RISK.HEADLINE_LIMIT')) throw error;
      const { headline, others } = await risks.register();
      const risk = [...headline, ...others].find((r) => r.id === d.risk) ?? null;
      const scale = risk?.scale ?? (input.scale === 'annex-c' ? 'annex-c' : 'high-medium-low');
      return riskFormCard(d.mode, risks.matrix(scale), risk, { ...ctx.values }, error.message, d.baseVersion);
    }
    return ctx.screens.risks(ctx.person, { style: 'good', text: 'Saved. The plan has a new version; "History" on a risk shows every change.' });
  },
});
