import { demoPlan } from '../../../../src/demo/demo-plan';
import { Plan as PlanSchema } from '../../../../src/domain/plan.schema';
import { exported, read } from '../word-files';

/** Defect: workstreamCell sets `enablers: … || null`, so an SRO's "No" (false) becomes unanswered on any Q6 edit. */
it('Q6: a workstream answered "No" to Enablers keeps false when another workstream is edited in Word', async () => {
  const a = PlanSchema.parse(demoPlan());
  a.deliveryPlan.workstreams[0]!.enablers = false;
  const b = structuredClone(a);
  b.deliveryPlan.workstreams[1]!.outcome = 'A new outcome.';
  const result = read(a, await exported(b));
  expect(result.plan.deliveryPlan.workstreams[0]!.enablers).toBe(false);
});
