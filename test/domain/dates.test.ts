import { FeedbackAnswer } from '../../src/domain/feedback.schema';
import { demoPlan } from '../../src/demo/demo-plan';
import { Plan } from '../../src/domain/plan.schema';

/** Every typed date is a real calendar date: 2027-02-30 must not become 2 March. */
describe('dates typed anywhere are real calendar dates', () => {
  const IMPOSSIBLE = ['2027-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '2026-06-32', '0000-01-01'];
  const REAL = ['2028-02-29', '2027-02-28', '2026-12-31', '2026-01-01', '2026-06-19'];

  const signedOn = (date: string) => {
    const plan = demoPlan();
    plan.signatories[0] = { ...plan.signatories[0]!, signedOn: date };
    return Plan.safeParse(plan);
  };
  const plannedFor = (date: string) => FeedbackAnswer.safeParse({ kind: 'planned', text: 'We will', plannedFor: date, close: false });

  it.each(IMPOSSIBLE)('a signatory signed on %s is refused with "There is no such date"', (date) => {
    const parsed = signedOn(date);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.message).join(' ')).toMatch(/There is no such date|Use a date such as/);
  });

  it.each(REAL)('a signatory signed on %s is accepted', (date) => {
    expect(signedOn(date).success).toBe(true);
  });

  it.each(IMPOSSIBLE)('feedback planned for %s is refused', (date) => {
    expect(plannedFor(date).success).toBe(false);
  });

  it.each(REAL)('feedback planned for %s is accepted', (date) => {
    expect(plannedFor(date).success).toBe(true);
  });
});
