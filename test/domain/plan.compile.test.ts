import { demoPlan } from '../../src/demo/demo-plan';
import { compileAnnexA } from '../../src/domain/plan.compile';
import { countFeedback } from '../../src/domain/feedback.schema';
import { renderMarkdown } from '../../src/export/markdown.renderer';
import { unescapeMarkdown } from '../support/markdown';
import { planTextLines } from '../support/plan-strings';

/** Annex A's headings, in the order and the exact words the template sets them. */
const ANNEX_A_HEADINGS = [
  'Signatories',
  'Executive Summary',
  'Section 1 – Vision and Goals',
  '1. What the local area partnership is trying to achieve?',
  'Section 2 – Strategy',
  '2. Where the local area partnership expects to be in the next 3 years',
  '3. What is the local area partnership’s strategy for delivering on the above?',
  '4. Please upload a completed copy of the Local Partnership Maturity Assessment Tool.',
  '5. What is the local area partnership roadmap for the next 3 years?',
  '6. What will the local area partnership deliver in the first year?',
  '7. How will the local area partnership deliver the first-year plan?',
  '8. Other funding Local Authorities.',
  '9. System partner and stakeholder engagement, and co-production.',
  '10. Risks and Mitigations',
  '11. Dependencies',
  'Section 3 – Monitoring and Evaluation',
  '12. How will the local area partnership know delivery is on track?',
  '13. Reporting to DfE',
  'Section 4 – Governance',
  '14. How will the local area partnership ensure delivery of plans remain on track?',
  'Section 5 – Central Government Support',
  '15. How can we help you?',
  'Annex B - Supporting Documents',
  'Annex C – Risk Matrix',
];

describe('compiled plan', () => {
  const plan = demoPlan();
  const markdown = unescapeMarkdown(renderMarkdown(compileAnnexA(plan)));
  const headings = markdown
    .split('\n')
    .filter((l) => /^#{1,3} /.test(l))
    .map((l) => l.replace(/^#+ /, ''));

  it('has every Annex A heading, in order', () => {
    expect(headings[0]).toBe('Annex A: Local SEND Reform Plan');
    // The demo plan has gaps, said once at the end.
    expect(headings.slice(1)).toEqual([...ANNEX_A_HEADINGS, 'Still to be provided']);
  });

  it('contains every answer of the demo plan', () => {
    const flat = markdown.replace(/\*\*/g, '').replace(/<br>/g, '\n').replace(/\\\|/g, '|').replace(/\*- /g, '- ');
    const missing = planTextLines({ ...plan, requirements: [], reviewComments: [] }).filter((line) => !flat.includes(line));
    expect(missing).toEqual([]);
  });

  it('shows money as pounds with the reference totals', () => {
    expect(markdown).toContain('| Total Spend | £105,000 | £0 | £43,750 | £400,000 | £43,750 | £600,000 |');
    expect(markdown).toContain('**Amount:** £1,165,244');
    expect(markdown).toContain('**Percentage of Schools Block:** 0.5%');
  });

  it('says what is still missing once, in a list at the end, and never inside the answers', () => {
    const [answers, list] = unescapeMarkdown(markdown).split('## Still to be provided');
    expect(answers).not.toMatch(/Not yet uploaded|Not yet provided|Where the SRO sits/);
    expect(list).toContain('- Question 4: Completed Local Partnership Maturity Assessment Tool');
    expect(list).toContain('- Question 14: where the SRO sits');
  });

  it.each([
    ['list', true],
    ['prompt', false],
  ] as const)('with gaps shown as "%s", the list at the end is there: %s, and the answers carry no placeholder either way', (gaps, listed) => {
    const md = unescapeMarkdown(renderMarkdown(compileAnnexA(plan, { gaps })));
    expect(md.includes('## Still to be provided')).toBe(listed);
    expect(md).not.toMatch(/Not yet uploaded|Not yet provided/);
    expect(md).toContain('4. Please upload a completed copy of the Local Partnership Maturity Assessment Tool.');
  });

  it.each([
    ['no feedback recorded: no annex and nothing added to Q9 or Q12', 0],
    ['feedback recorded: the annex, still nothing added to Q9 or Q12', 2],
  ])('co-production, %s', (_what, total) => {
    const counts = { ...countFeedback([]), total };
    const md = renderMarkdown(compileAnnexA(plan, { coProduction: { items: [], counts } }));
    expect(md.includes('Co-production annex')).toBe(total > 0);
    const q9 = md.slice(md.indexOf('9. System partner'), md.indexOf('10. Risks'));
    expect(q9).not.toContain('Co-production feedback so far');
  });

  it('keeps a table intact when an answer contains a pipe or a new line', () => {
    const changed = demoPlan();
    changed.risks.risks[0]!.mitigation = 'First | second\nthird';
    const md = renderMarkdown(compileAnnexA(changed));
    expect(md).toContain('First \\| second<br>third');
  });

  it('shows only headline risks in Q10 and counts the rest', () => {
    const changed = demoPlan();
    changed.risks.risks[4]!.headline = false;
    const md = unescapeMarkdown(renderMarkdown(compileAnnexA(changed)));
    expect(md).not.toContain(changed.risks.risks[4]!.description);
    expect(md).toContain('A further 1 open risk is held');
  });
});
