import { z } from 'zod';
import { DomainError } from './errors';
import { RagRating, type RiskScale } from './plan.schema';

/**
 * RAG from impact x likelihood. The partnership may colour its own matrix; these are the
 * defaults: Annex C's five-by-five, and the High/Medium/Low scale the reference plan uses.
 */
export interface RiskMatrix {
  readonly scale: RiskScale;
  /** Lowest first. */
  readonly impactLevels: readonly string[];
  /** Lowest first. */
  readonly likelihoodLevels: readonly string[];
  /** cells[impactIndex][likelihoodIndex] */
  readonly cells: readonly (readonly RagRating[])[];
}

const byScore = (size: number, rag: (score: number) => RagRating): RagRating[][] =>
  Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, l) => rag((i + 1) * (l + 1))));

export const ANNEX_C_MATRIX: RiskMatrix = {
  scale: 'annex-c',
  impactLevels: ['Negligible', 'Marginal', 'Moderate', 'Critical', 'Crisis'],
  likelihoodLevels: ['Very Unlikely', 'Unlikely', 'Possible', 'Likely', 'Very Likely'],
  cells: byScore(5, (score) => (score >= 15 ? 'Red' : score >= 5 ? 'Amber' : 'Green')),
};

export const HIGH_MEDIUM_LOW_MATRIX: RiskMatrix = {
  scale: 'high-medium-low',
  impactLevels: ['Low', 'Medium', 'High'],
  likelihoodLevels: ['Low', 'Medium', 'High'],
  // The reference plan rates High/High Red, High/Medium and Medium/Medium Amber.
  cells: [
    ['Green', 'Green', 'Amber'],
    ['Green', 'Amber', 'Amber'],
    ['Amber', 'Amber', 'Red'],
  ],
};

export const DEFAULT_MATRICES: Record<RiskScale, RiskMatrix> = {
  'annex-c': ANNEX_C_MATRIX,
  'high-medium-low': HIGH_MEDIUM_LOW_MATRIX,
};

const indexOf = (levels: readonly string[], value: string): number =>
  levels.findIndex((l) => l.toLowerCase() === value.trim().toLowerCase());

export const rateRisk = (matrix: RiskMatrix, impact: string, likelihood: string): RagRating => {
  const i = indexOf(matrix.impactLevels, impact);
  const l = indexOf(matrix.likelihoodLevels, likelihood);
  if (i < 0 || l < 0) {
    throw new DomainError('INPUT.INVALID', `Impact must be one of ${matrix.impactLevels.join(', ')} and likelihood one of ${matrix.likelihoodLevels.join(', ')}`, {
      impact,
      likelihood,
    });
  }
  const rag = matrix.cells[i]?.[l];
  if (!rag) throw new DomainError('INPUT.INVALID', 'The risk matrix has no colour for that cell', { impact, likelihood });
  return rag;
};

export const MAX_HEADLINE_RISKS = 5;

const MatrixCells = z.array(z.array(RagRating).min(1)).min(1);

/** A partnership's own colouring: for each scale, cells[impact][likelihood], lowest first. */
export const RiskMatrixFile = z
  .object({ 'annex-c': MatrixCells.optional(), 'high-medium-low': MatrixCells.optional() })
  .strict()
  .superRefine((file, ctx) => {
    for (const [scale, cells] of Object.entries(file)) {
      const m = DEFAULT_MATRICES[scale as RiskScale];
      if (!cells) continue;
      if (cells.length !== m.impactLevels.length || cells.some((row) => row.length !== m.likelihoodLevels.length)) {
        ctx.addIssue({ code: 'custom', path: [scale], message: `needs ${m.impactLevels.length} rows of ${m.likelihoodLevels.length} colours` });
      }
    }
  });

export const matricesFrom = (file: z.infer<typeof RiskMatrixFile>): Record<RiskScale, RiskMatrix> => ({
  'annex-c': { ...ANNEX_C_MATRIX, cells: file['annex-c'] ?? ANNEX_C_MATRIX.cells },
  'high-medium-low': { ...HIGH_MEDIUM_LOW_MATRIX, cells: file['high-medium-low'] ?? HIGH_MEDIUM_LOW_MATRIX.cells },
});
