import { demoPlan } from '../../src/demo/demo-plan';
import { planCompleteness, sectionCompleteness } from '../../src/domain/completeness';
import { sectionInfo, SECTIONS } from '../../src/domain/plan.sections';

describe('section completeness', () => {
  it('reads the demo plan as the reference leaves it', () => {
    const states = Object.fromEntries(planCompleteness(demoPlan()).map((c) => [c.section.key, c.state]));
    expect(states).toMatchObject({
      header: 'complete',
      signatories: 'incomplete', // names, but no emails
      executiveSummary: 'complete',
      maturityAssessment: 'missing', // "INSERT DOCUMENT UPLOAD LINK"
      deliveryPlan: 'incomplete', // trajectories and success measures left blank
      reportingToDfe: 'missing',
      governance: 'incomplete', // two empty rows, two open comments
      centralGovernmentSupport: 'complete',
    });
    expect(Object.keys(states)).toEqual(SECTIONS.map((s) => s.key));
  });

  it.each([
    ['complete', () => {}, 'complete'],
    ['incomplete', (p: ReturnType<typeof demoPlan>) => (p.header.sroName = null), 'incomplete'],
    ['missing', (p: ReturnType<typeof demoPlan>) => Object.assign(p.header, { localAuthority: null, integratedCareBoard: null, sroName: null }), 'missing'],
  ])('a header that is %s', (_label, change, state) => {
    const plan = demoPlan();
    change(plan);
    expect(sectionCompleteness(plan, sectionInfo('header')).state).toBe(state);
  });

  it('names what is still needed', () => {
    const plan = demoPlan();
    plan.deliveryPlan.workstreams[0]!.lead = null;
    expect(sectionCompleteness(plan, sectionInfo('deliveryPlan')).gaps).toContain('Workstream 1a: responsible lead');
  });

  it('counts a goal theme as missing when no goal covers it', () => {
    const plan = demoPlan();
    plan.visionAndGoals.goals = plan.visionAndGoals.goals.filter((g) => !g.themes.includes('finance'));
    expect(sectionCompleteness(plan, sectionInfo('visionAndGoals')).gaps).toEqual(['A goal on finances and value for money']);
  });
});
