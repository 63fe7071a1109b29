import { demoPlan } from '../../../../src/demo/demo-plan';
import { Plan as PlanSchema } from '../../../../src/domain/plan.schema';
import { exported, read } from '../word-files';

/**
 * Defect: two paragraphs in Q3 that are band names (new `labelled` rule in TABLE_READERS.theoryOfChange)
 * flatten the bot's own ToC table into lines. The bot's export of a plan whose summary (typed in
 * Teams) holds such lines is then misread when Q3 is edited in Word.
 */
const roundTrip = async (summary: string) => {
  const a = PlanSchema.parse(demoPlan());
  a.theoryOfChange.summary = summary;
  const b = structuredClone(a);
  b.theoryOfChange.inputs[0] = `${b.theoryOfChange.inputs[0]} (revised)`;
  return { b, result: read(a, await exported(b)) };
};

it('summary ending "INPUTS" / "OUTPUTS": taken, but summary lines and the vision’s bullets are lost', async () => {
  const { b, result } = await roundTrip('Our theory of change has two halves:\nINPUTS\nOUTPUTS');
  expect(result.plan.theoryOfChange).toEqual(b.theoryOfChange);
});

it('summary with "VISION" / "OUTCOMES" sub-headings: the one-word edit is refused', async () => {
  const { result } = await roundTrip('How our theory of change hangs together.\nVISION\nOne shared ambition for every child.\nOUTCOMES\nMeasured each term.');
  expect(result.changes).toEqual([{ section: 'theoryOfChange', label: 'Q3 Theory of change', readable: true }]);
});
