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

/** The colour Annex C gives a score, impact times likelihood; null for a number no cell of it has (7, 11, 26). */
export const ragOfScore = (score: number): RagRating | null => {
  for (const [i, row] of ANNEX_C_MATRIX.cells.entries()) for (const [l, rag] of row.entries()) if ((i + 1) * (l + 1) === score) return rag;
  return null;
};

/**
 * The rating a cell's fill shows ("FF0000", "FFC000", "00B050", and their paler tints), by its hue;
 * null for a grey, white or any colour that is not plainly one of the three.
 */
export const ragOfFill = (hex: string | null | undefined): RagRating | null => {
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  // A pale tint ("FFF2CC", shading a cell still to fill in) says nothing: only a strong colour rates.
  if (max - min < 0.35) return null;
  const hue = max === r ? (((g - b) / (max - min)) * 60 + 360) % 360 : max === g ? ((b - r) / (max - min)) * 60 + 120 : ((r - g) / (max - min)) * 60 + 240;
  if (hue >= 340 || hue <= 12) return 'Red';
  if (hue >= 25 && hue <= 62) return 'Amber';
  if (hue >= 75 && hue <= 165) return 'Green';
  return null;
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
