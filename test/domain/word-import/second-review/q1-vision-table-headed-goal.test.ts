import { demoPlan } from '../../../../src/demo/demo-plan';
import { Plan as PlanSchema } from '../../../../src/domain/plan.schema';
import { exported, read } from '../word-files';

/** Defect (also before a5123c8; kept by the theTable rewrite): a table typed in the vision whose first cell starts "Goal" is taken for the goals. */
it('Q1: a vision holding "| Goal | Measure |" reads back unchanged when a goal is edited', async () => {
  const a = PlanSchema.parse(demoPlan());
  a.visionAndGoals.vision = `${a.visionAndGoals.vision}\n| Goal | Measure |\n| Fewer waits | 20 weeks |`;
  const b = structuredClone(a);
  b.visionAndGoals.goals[0]!.description = 'Changed.';
  const result = read(a, await exported(b));
  // Before the fix (6391c36): taken (relaid) with the three goals replaced by one goal "Fewer waits".
  expect(result.plan.visionAndGoals.goals.map((g) => g.title)).toEqual(b.visionAndGoals.goals.map((g) => g.title));
});
