import { DomainError } from './errors';
import type { Plan, RiskScale } from './plan.schema';
import { MAX_HEADLINE_RISKS, rateRisk, type RiskMatrix } from './risk-rating';

/**
 * The risk register's rules, kept once and applied wherever a plan is saved (the register card,
 * the Q10 questionnaire, the command line, an import), so no path can differ:
 * - a risk's RAG comes from its impact and likelihood through the partnership's matrix, never by
 *   hand (no score, no RAG); an impact or likelihood the scale does not have is refused. This
 *   applies to a risk added or scored in this save; the others keep what they had;
 * - a closed risk is never a headline risk;
 * - at most five open headline risks: a change that adds to more than five is refused (a plan that
 *   already had more may keep them until someone takes one off).
 */
export const applyRiskRules = (plan: Plan, before: Plan | null, matrices: Readonly<Record<RiskScale, RiskMatrix>>): Plan => {
  const stored = new Map((before?.risks.risks ?? []).map((r) => [r.id, r]));
  const risks = plan.risks.risks.map((risk) => {
    // Only a risk being scored now is rated: one nobody touched keeps its stored RAG, so a save
    // elsewhere in the plan is never refused (or recoloured) because of an older risk's values.
    const was = stored.get(risk.id);
    const scored = !was || was.scale !== risk.scale || was.impact !== risk.impact || was.likelihood !== risk.likelihood || was.rag !== risk.rag;
    const rag = !scored ? risk.rag : risk.impact && risk.likelihood ? rateRiskNamed(matrices[risk.scale], risk.impact, risk.likelihood, risk.description) : null;
    const headline = risk.status === 'open' && risk.headline;
    return rag === risk.rag && headline === risk.headline ? risk : { ...risk, rag, headline };
  });
  const headlines = (p: readonly { status: string; headline: boolean }[]) => p.filter((r) => r.status === 'open' && r.headline).length;
  const now = headlines(risks);
  const was = before ? headlines(before.risks.risks) : 0;
  if (now > MAX_HEADLINE_RISKS && now > was) {
    throw new DomainError(
      'RISK.HEADLINE_LIMIT',
      `The plan can show at most ${MAX_HEADLINE_RISKS} headline risks, and it would have ${now}. Keep this one in the full risk log, or take another risk off the headline list first.`,
    );
  }
  return risks.every((r, i) => r === plan.risks.risks[i]) ? plan : { ...plan, risks: { ...plan.risks, risks } };
};

const rateRiskNamed = (matrix: RiskMatrix, impact: string, likelihood: string, description: string) => {
  try {
    return rateRisk(matrix, impact, likelihood);
  } catch (error) {
    const short = description.length > 60 ? `${description.slice(0, 57)}…` : description;
    throw new DomainError('INPUT.INVALID', `“${short}”: impact must be one of ${matrix.impactLevels.join(', ')} and likelihood one of ${matrix.likelihoodLevels.join(', ')} on its scale.`, {
      cause: (error as Error).message,
    });
  }
};
