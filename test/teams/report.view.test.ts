import { demoPlan } from '../../src/demo/demo-plan';
import { buildQuarterlyReport } from '../../src/domain/quarterly-report';
import { parseQuarter } from '../../src/domain/quarters';
import { reportCard } from '../../src/teams/views/report.view';
import { VERBS } from '../../src/teams/verbs';
import { findButton, validCard } from '../support/card-inspect';
import { cardText } from '../support/bot.harness';

const plan = demoPlan();
const cardFor = (id: string) => validCard(reportCard(buildQuarterlyReport(plan, parseQuarter(id), [], [])));

describe('the highlight report card names its quarter as the report does', () => {
  it('2026-Q3 is "Quarter 3 of 2026-27 (October to December 2026)", and its buttons name the quarters either side', () => {
    const card = cardFor('2026-Q3');
    const words = cardText(card);
    expect(words).toContain('Highlight report: Quarter 3 of 2026-27 (October to December 2026)');
    expect(words).not.toMatch(/Q3 \(|2026-Q\d/);
    expect(findButton(card, '← Quarter 2 of 2026-27')).toEqual({ verb: VERBS.report, quarter: '2026-Q2' });
    expect(findButton(card, 'Quarter 4 of 2026-27 →')).toEqual({ verb: VERBS.report, quarter: '2026-Q4' });
  });

  it('the last quarter of the financial year runs January to March of the next calendar year', () => {
    const card = cardFor('2026-Q4');
    expect(cardText(card)).toContain('Highlight report: Quarter 4 of 2026-27 (January to March 2027)');
    expect(findButton(card, /→$/)).toBeUndefined();
  });

  it('a quarter outside the plan says which financial year it is in', () => {
    expect(cardText(cardFor('2030-Q2'))).toContain(
      'Quarter 2 of 2030-31 (July to September 2030) is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.',
    );
  });
});
