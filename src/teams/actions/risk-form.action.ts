import { DomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { riskFormCard } from '../views/progress.view';
import { defineAction } from './action.types';
import { RiskFormData } from './progress-data';

export const riskFormAction = defineAction({
  verb: VERBS.riskForm,
  data: RiskFormData,
  run: async (ctx, d) => {
    const { headline, others, closed, snapshot } = await ctx.services.risks.register();
    const risk = d.risk ? [...headline, ...others, ...closed].find((r) => r.id === d.risk) ?? null : null;
    if (d.mode !== 'add' && !risk) throw new DomainError('INPUT.INVALID', 'That risk is no longer in the plan.');
    const owners = d.mode === 'owner' ? await ctx.services.risks.ownerChoices(ctx.person) : [];
    return riskFormCard(d.mode, ctx.services.risks.matrix(risk?.scale ?? 'high-medium-low'), risk, {}, '', snapshot.version, owners);
  },
});
