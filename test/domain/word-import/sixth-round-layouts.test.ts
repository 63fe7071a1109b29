import { demoPlan } from '../../../src/demo/demo-plan';
import type { Plan } from '../../../src/domain/plan.schema';
import { compile, edited, exported, importedBlind, read, taken } from './word-files';

/**
 * The sixth blind round's layouts (sedgecombe and pellingham, two ordinary plans: the DfE template
 * filled in over a few months, with columns and rows a partnership added), read into the plan. Each
 * was missed before this reading was written.
 */

describe('columns and rows a partnership added to the template’s tables', () => {
  const pellingham = importedBlind('pellingham.docx');

  it.each([
    ['Q2: a "What needs to change" column goes with "Where we are", in its own words', () => pellingham.plan.threeYearPicture.blueprint[1]!.whereWeAre, '488 children in independent special schools; EP waits of 22 weeks.\nWhat needs to change: Hubs that go to schools; more inclusion bases.'],
    ['Q2: the success measures’ column headings in the row itself ("Baseline 2025-26:") name when each was measured', () => pellingham.plan.threeYearPicture.successMeasures.map((m) => `${m.baseline} → ${m.target}`).join('; '), 'EHCPs in 20 weeks 22% 2025-26 → EHCPs in 20 weeks 75% 2028-29; EHCPs in mainstream 37% 2025-26 → EHCPs in mainstream 45% 2028-29'],
    ['Q3: "VISION: …" across a merged first row is the vision', () => pellingham.plan.theoryOfChange.vision, 'welcomed, known and helped in our own community'],
    ['Q5: a "Leading indicators" row under the success measures: more measures, named by it', () => pellingham.plan.roadmap.successMeasures.map((m) => m.name).join('; '), '2026/27; 2027/28; 2028/29; Leading indicators 2026/27; Leading indicators 2027/28; Leading indicators 2028/29'],
    ['Q6: a "Key partners" column goes with the responsible lead', () => pellingham.plan.deliveryPlan.workstreams[1]!.lead, 'Tom Ashworth, Head of SEND Assessment\nKey partners: ICB Designated Clinical Officer, PCF'],
    ['Q10: a "Ref" column before the risk goes with the mitigation, as other added columns do', () => pellingham.plan.risks.risks[0]!.mitigation, 'Joint LA/ICB recruitment; trainee EP places; agency cover for 12 months\nRef: R1'],
  ])('%s', (_, value, expected) => {
    expect(value()).toBe(expected);
  });

  it('Q6: a workstream mapped to "Enabler" (no building block) is the plan’s enablers workstream', () => {
    const ws5 = pellingham.plan.deliveryPlan.workstreams[4]!;
    expect(ws5).toMatchObject({ code: '5', name: 'Data and finance', buildingBlocks: [], enablers: true });
    expect(pellingham.plan.deliveryPlan.workstreams.slice(0, 4).map((w) => w.enablers)).toEqual([null, null, null, null]);
  });

  it('Q6: an amount written "TBC" is one not known yet (an empty cell), not a reason to refuse the spend table', () => {
    expect(taken(pellingham, 'deliveryPlan')).toMatchObject({ readable: true });
    const data = pellingham.plan.deliveryPlan.spend.find((l) => l.category === 'Data dashboard and analyst')!;
    expect(Object.values(data.amounts.Q4)).toEqual([null, 0]);
  });
});

describe('the template’s headings retyped, and its tables left with a blank row', () => {
  const sedgecombe = importedBlind('sedgecombe.docx');

  it('"Section 3 - Monitoring & Evaluation" ends Q11 as the template’s part title does (not a line of its answer)', () => {
    expect(taken(sedgecombe, 'dependencies')).toMatchObject({ readable: true });
    expect(sedgecombe.plan.dependencies.items).toHaveLength(6);
    expect(sedgecombe.plan.dependencies.items.map((d) => d.management).join('\n')).not.toMatch(/Monitoring/);
  });
});

describe('a workstream mapped to the Enablers row, and a note beside the Annex C matrix, through the bot’s own file', () => {
  const base = demoPlan();
  const plan: Plan = {
    ...base,
    deliveryPlan: { ...base.deliveryPlan, workstreams: base.deliveryPlan.workstreams.map((w, i) => (i === 0 ? { ...w, enablers: true } : w)) },
    risks: { ...base.risks, matrixNote: 'We score every risk in the programme log on this matrix.' },
  };

  it('the export prints both where the template has them', () => {
    const text = JSON.stringify(compile(plan));
    expect(text).toContain('\\n- Enablers');
    expect(text).toContain('We score every risk in the programme log on this matrix.');
  });

  it('the export read back changes nothing', async () => {
    expect(read(plan, await exported(plan)).changes).toEqual([]);
  });

  it('the note edited in Word is one change to the risks, and the plan keeps it', async () => {
    const result = read(plan, edited(await exported(plan), 'We score every risk', 'We rate every risk'));
    expect(result.changes).toEqual([expect.objectContaining({ section: 'risks', readable: true })]);
    expect(result.plan.risks.matrixNote).toBe('We rate every risk in the programme log on this matrix.');
  });

  it('a plan that never had either prints nothing new: its file is the one it always was', () => {
    expect(JSON.stringify(compile(base))).not.toMatch(/- Enablers"|programme log on this matrix/);
  });
});
