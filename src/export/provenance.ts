/**
 * Which stored text an exported file was made from. It is printed in the file but is not part
 * of the fingerprinted text, so the same plan exported twice carries the same fingerprint.
 */
export interface Provenance {
  readonly planId: string;
  readonly version: number;
  /** SHA-256 of the document's canonical form. */
  readonly hash: string;
  /** Set when the file carries the signatures of a completed sign-off. */
  readonly signed?: boolean;
  /** A highlight report's fingerprint is of the report's own text, not the plan's. */
  readonly kind?: 'plan' | 'report';
}

export const provenanceLine = (p: Provenance): string =>
  `Plan ${p.planId}, version ${p.version}. SHA-256 of ${p.kind === 'report' ? 'this report' : 'the plan text'}: ${p.hash}.${p.signed ? ' Signed in Microsoft Teams by every statutory signatory.' : ''}`;

const PATTERN = /Plan ([a-z0-9][a-z0-9-]*), version (\d+)\. SHA-256 of (the plan text|this report): ([a-f0-9]{64})\.( Signed in Microsoft Teams by every statutory signatory\.)?/;

/** Finds the provenance line in a file's text (the last one: typed text comes before it); null when there is none. */
export const findProvenance = (text: string): Provenance | null => {
  const m = [...text.matchAll(new RegExp(PATTERN, 'g'))].pop();
  if (!m) return null;
  return { planId: m[1]!, version: Number(m[2]), hash: m[4]!, signed: Boolean(m[5]), ...(m[3] === 'this report' ? { kind: 'report' as const } : {}) };
};
