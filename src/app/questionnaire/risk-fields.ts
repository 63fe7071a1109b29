import { LIMITS } from '../../domain/plan.schema';
import { DEFAULT_MATRICES, type RiskMatrix } from '../../domain/risk-rating';
import type { Choice, FieldSpec } from './section-forms.types';

/**
 * One definition of a risk's and a dependency's fields, for every card that edits them: the Q10
 * and Q11 questionnaires and the risk register's own forms. The RAG is not among them: it comes
 * from impact and likelihood through the partnership's matrix (domain/risk-rules.ts).
 */
const RAG: Choice[] = ['Red', 'Amber', 'Green'].map((v) => ({ value: v, title: v }));
const OPEN_CLOSED: Choice[] = [
  { value: 'open', title: 'Open' },
  { value: 'closed', title: 'Closed' },
];
const SCALES: Choice[] = [
  { value: 'high-medium-low', title: 'High / Medium / Low' },
  { value: 'annex-c', title: 'Annex C five-by-five' },
];

/** Highest first, as people read a scale; `both` lists each scale's levels, for a form where the scale is chosen beside them. */
const levels = (pick: (m: RiskMatrix) => readonly string[], matrix: RiskMatrix | 'both'): Choice[] => {
  if (matrix !== 'both') return [...pick(matrix)].reverse().map((l) => ({ value: l, title: l }));
  const seen = new Set<string>();
  return (['high-medium-low', 'annex-c'] as const).flatMap((scale) =>
    [...pick(DEFAULT_MATRICES[scale])].reverse().filter((l) => !seen.has(l) && seen.add(l)).map((l) => ({ value: l, title: scale === 'annex-c' ? `${l} (Annex C)` : l })),
  );
};

export const RISK_FIELDS = {
  description: { path: 'description', label: 'The risk', kind: 'multiline', max: LIMITS.line } satisfies FieldSpec,
  scale: { path: 'scale', label: 'Scale', kind: 'choice', choices: SCALES } satisfies FieldSpec,
  impact: (matrix: RiskMatrix | 'both'): FieldSpec => ({ path: 'impact', label: 'Impact', kind: 'choice', choices: levels((m) => m.impactLevels, matrix) }),
  likelihood: (matrix: RiskMatrix | 'both'): FieldSpec => ({ path: 'likelihood', label: 'Likelihood', kind: 'choice', choices: levels((m) => m.likelihoodLevels, matrix) }),
  mitigation: { path: 'mitigation', label: 'Mitigation', kind: 'multiline', max: LIMITS.narrative } satisfies FieldSpec,
  residualRag: { path: 'residualRag', label: 'Residual RAG (after the mitigation)', kind: 'choice', choices: RAG } satisfies FieldSpec,
  headline: { path: 'headline', label: 'Show as a headline risk in Q10 (at most five)', kind: 'yesno' } satisfies FieldSpec,
  status: { path: 'status', label: 'Status', kind: 'choice', choices: OPEN_CLOSED } satisfies FieldSpec,
  closedReason: { path: 'closedReason', label: 'Why it can be closed', kind: 'multiline', max: LIMITS.line } satisfies FieldSpec,
  owner: (choices: readonly Choice[]): FieldSpec => ({ path: 'owner', label: 'Owner: who re-scores, changes and closes it', kind: 'choice', choices }),
};

/**
 * A risk's impact and likelihood must be levels of its own scale (the form offers both scales'
 * levels, as it cannot change them when the scale is changed): said beside the field on saving the
 * row, not left to the plan's rules on submit. The levels are the same whatever the partnership's
 * colouring of its matrix.
 */
export const riskScoreErrors = (row: Record<string, unknown>): Record<string, string> => {
  const matrix = DEFAULT_MATRICES[row.scale === 'annex-c' ? 'annex-c' : 'high-medium-low'];
  const scale = row.scale === 'annex-c' ? 'the Annex C scale' : 'the High / Medium / Low scale';
  const errors: Record<string, string> = {};
  const check = (path: 'impact' | 'likelihood', levels: readonly string[]) => {
    const value = typeof row[path] === 'string' ? (row[path] as string).trim().toLowerCase() : '';
    if (value && !levels.some((l) => l.toLowerCase() === value)) errors[path] = `On ${scale}, ${path} is one of ${levels.join(', ')}.`;
  };
  check('impact', matrix.impactLevels);
  check('likelihood', matrix.likelihoodLevels);
  return errors;
};

export const DEPENDENCY_FIELDS = {
  area: { path: 'area', label: 'The dependency', kind: 'text', max: LIMITS.line } satisfies FieldSpec,
  management: { path: 'management', label: 'How it is managed', kind: 'multiline', max: LIMITS.narrative } satisfies FieldSpec,
  status: RISK_FIELDS.status,
  closedReason: RISK_FIELDS.closedReason,
  owner: RISK_FIELDS.owner,
};
