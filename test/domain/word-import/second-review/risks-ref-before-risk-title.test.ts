import { demoPlan } from '../../../../src/demo/demo-plan';
import { importWord } from '../../../../src/domain/word-import/word-import';
import { compile, paragraph as P, table as T } from '../word-files';

/**
 * Defect: the "Ref" rotation only happens when the risk column is headed exactly "Risk(s)" / "Risk description";
 * under "Risk title" the Ref stays in column 0 (RISK_COLUMNS fixes description at 0), the real risk is folded
 * into the mitigation as an added column, every word is "kept", and the section is taken.
 */
it('Q10 "Ref | Risk title | Impact | …": the references are not taken for the risks', () => {
  const plan = demoPlan();
  const risks = plan.risks.risks.filter((r) => r.headline && r.status === 'open');
  const rows = [['Ref', 'Risk title', 'Impact', 'Likelihood', 'RAG', 'Mitigation', 'Residual RAG'], ...risks.map((r, i) => [`R${i + 1}`, r.description, r.impact ?? '', r.likelihood ?? '', r.rag ?? '', r.mitigation ?? '', r.residualRag ?? ''])];
  const result = importWord(plan, [P('Annex A: Local SEND Reform Plan', 'Heading1'), P('10. Risks and Mitigations', 'Heading2'), T(rows)], compile);
  // Before the fix (6391c36): risks taken (relaid) with descriptions 'R1' … 'R5'.
  expect(result.plan.risks.risks.map((r) => r.description)).toEqual(plan.risks.risks.map((r) => r.description));
});
