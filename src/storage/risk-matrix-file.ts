import { readFileSync } from 'node:fs';
import { DomainError } from '../domain/errors';
import type { RiskScale } from '../domain/plan.schema';
import { DEFAULT_MATRICES, matricesFrom, RiskMatrixFile, type RiskMatrix } from '../domain/risk-rating';

/** The partnership's matrix file (docs/risk-matrix.md), or the defaults when there is none. */
export const readRiskMatrices = (path: string | undefined): Record<RiskScale, RiskMatrix> => {
  if (!path) return DEFAULT_MATRICES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DomainError('INPUT.INVALID', `Cannot read the risk matrix file ${path}: ${(error as Error).message}`);
  }
  const parsed = RiskMatrixFile.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('INPUT.INVALID', `The risk matrix file ${path} has mistakes: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return matricesFrom(parsed.data);
};
