import { inputValue } from '../../app/questionnaire/input-name';
import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { riskFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { RiskSaveData } from './progress-data';

export const riskSaveAction = defineAction({
  verb: VERBS.riskSave,
  data: RiskSaveData,
  run: async (ctx, d) => {
    const risks = ctx.services.risks;
    const field = (key: string) => inputValue(ctx.values, key);
    const input = {
      description: field('description'),
      scale: field('scale'),
      impact: field('impact'),
      likelihood: field('likelihood'),
      mitigation: field('mitigation'),
      residualRag: field('residualRag'),
      headline: field('headline'),
    };
    try {
      if (d.mode === 'add') await risks.addRisk(ctx.person, input, ctx.requestId);
      else if (d.mode === 'rescore') await risks.rescore(ctx.person, d.risk, input, ctx.requestId, d.baseVersion);
      else if (d.mode === 'change') await risks.update(ctx.person, d.risk, input, ctx.requestId, d.baseVersion);
      else if (d.mode === 'owner') await risks.setOwner(ctx.person, 'risk', d.risk, field('owner'), ctx.requestId, d.baseVersion);
      else await risks.close(ctx.person, d.risk, field('reason'), ctx.requestId, d.baseVersion);
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID') && !isDomainError(error, 'RISK.HEADLINE_LIMIT')) throw error;
      const { headline, others } = await risks.register();
      const riskId = d.mode === 'add' ? undefined : d.risk;
      const risk = [...headline, ...others].find((r) => r.id === riskId) ?? null;
      const scale = risk?.scale ?? (input.scale === 'annex-c' ? 'annex-c' : 'high-medium-low');
      const owners = d.mode === 'owner' ? await risks.ownerChoices(ctx.person) : [];
      return riskFormCard(d.mode, risks.matrix(scale), risk, { ...ctx.values }, error.message, d.baseVersion, owners);
    }
    return ctx.screens.risks(ctx.person, { style: 'good', text: 'Saved. The plan has a new version; "History" on a risk shows every change.' });
  },
});
