import { demoPlan } from '../../../../src/demo/demo-plan';
import { Plan as PlanSchema } from '../../../../src/domain/plan.schema';
import { edited, exported, read } from '../word-files';

describe('risks.matrixNote (annexCNote / withMatrixNote in importWord)', () => {
  it('the bot’s own export of a matrixNote holding a table ("| a | b |" lines, as every free text may) reads back unchanged', async () => {
    const plan = demoPlan();
    plan.risks.matrixNote = 'How we act on a score:\n| Score | Action |\n| 15 and above | Board |';
    const result = read(plan, await exported(plan));
    // Before the fix (6391c36): a 'risks' change is reported, matrixNote becomes "How we act on a score:" and the table rows are 'unplaced'.
    expect({ changes: result.changes, unplaced: result.unplaced, note: result.plan.risks.matrixNote }).toEqual({ changes: [], unplaced: [], note: plan.risks.matrixNote });
  });

  it('a note under Annex C longer than the schema allows is not taken into the plan', async () => {
    const plan = demoPlan();
    const long = 'We score every risk on the matrix each month. '.repeat(500); // 23,000 characters; answer() allows 20,000
    const result = read(plan, edited(await exported(plan), 'Annex C – Risk Matrix</w:t></w:r></w:p>', `Annex C – Risk Matrix</w:t></w:r></w:p><w:p><w:r><w:t>${long}</w:t></w:r></w:p>`));
    // Before the fix (6391c36): 'risks' readable: true, and the imported plan fails Plan.safeParse.
    expect(PlanSchema.safeParse(result.plan).success).toBe(true);
  });
});
