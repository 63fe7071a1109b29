import { demoPlan } from '../../../../src/demo/demo-plan';
import { REQUIRED_SIGNATORY_ROLES } from '../../../../src/domain/plan.schema';
import { importWord } from '../../../../src/domain/word-import/word-import';
import { compile, paragraph as P, table as T } from '../word-files';

/**
 * Defect: in TABLE_READERS.signatories the role's fallback column (0) is the Name column found at 0, so
 * role === name; "Job title" is then folded into the signature as an added column and the file passes.
 */
it('signatories headed "Name | Job title | Signature | Email | Date": matched by role, no co-signers invented', () => {
  const plan = demoPlan();
  const title = (role: string) => REQUIRED_SIGNATORY_ROLES.find((r) => r.id === role)!.title;
  const rows = [['Name', 'Job title', 'Signature', 'Email', 'Date'], ...plan.signatories.map((s) => [s.name!, title(s.role), s.role === 'la-chief-executive' ? 'T Miles' : '', '', ''])];
  const result = importWord(plan, [P('Annex A: Local SEND Reform Plan', 'Heading1'), P('Signatories', 'Heading2'), T(rows)], compile);
  // Before the fix (6391c36): taken (relaid) with 10 signatories, five of them co-signers whose role title is the person's name.
  expect(result.plan.signatories.map((s) => s.role)).toEqual(plan.signatories.map((s) => s.role));
});
