import { demoPlan } from '../../../../src/demo/demo-plan';
import { Plan as PlanSchema } from '../../../../src/domain/plan.schema';
import { exported, read } from '../word-files';

/**
 * Defect: the supportingDocuments reader drops any row whose first cell equals the header's ("Document"),
 * and keepsEveryWord passes such a row outright (the "repeated heading row" rule), so it vanishes silently.
 */
it('Annex B: a document whose purpose is "Document" survives an edit elsewhere in Annex B', async () => {
  const a = PlanSchema.parse(demoPlan());
  a.supportingDocuments.documents.push({ id: 'local-offer', purpose: 'Document', title: 'Local offer', url: null });
  const b = structuredClone(a);
  b.supportingDocuments.documents[0]!.title = 'Every Child Achieving and Thriving (2026)';
  const result = read(a, await exported(b));
  // Before the fix (6391c36): taken (relaid) without the "Document | Local offer" row.
  expect(result.plan.supportingDocuments.documents).toEqual(b.supportingDocuments.documents);
});
