import type { SpendCell, SpendForm } from '../../app/spend-actual.service';
import { formatPence, parsePounds } from '../../domain/money';
import { MAX_SPEND_PENCE } from '../../domain/spend-actuals.schema';
import type { Quarter } from '../../domain/quarters';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords, varianceWords } from '../words';
import { listCard } from './progress.view';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const button = (title: string, verb: string, data: Record<string, unknown> = {}) => ({ title, verb, data: { verb, ...data } });
/** An amount as a person would type it back: "43,750" or "43,750.50", no pound sign. */
const typedPounds = (pence: number) => formatPence(pence).replace(/^£/, '');
const projectedWords = (pence: number | null) => (pence === null ? 'no projection' : `projected ${formatPence(pence)}`);

/** Cells grouped by spend category, in the plan's order. */
const byCategory = (cells: readonly SpendCell[]) => {
  const groups: { lineId: string; category: string; cells: SpendCell[] }[] = [];
  for (const cell of cells) {
    const group = groups.find((g) => g.lineId === cell.lineId);
    if (group) group.cells.push(cell);
    else groups.push({ lineId: cell.lineId, category: cell.category, cells: [cell] });
  }
  return groups;
};

/** Each funding source's total over the quarter: projected, and actual where anything is recorded. */
const totalsBySource = (cells: readonly SpendCell[]) => {
  const totals: { sourceId: string; source: string; projected: number | null; actual: number | null }[] = [];
  for (const cell of cells) {
    let total = totals.find((t) => t.sourceId === cell.sourceId);
    if (!total) totals.push((total = { sourceId: cell.sourceId, source: cell.source, projected: null, actual: null }));
    if (cell.projectedPence !== null) total.projected = (total.projected ?? 0) + cell.projectedPence;
    if (cell.actual) total.actual = (total.actual ?? 0) + cell.actual.amountPence;
  }
  return totals;
};

/**
 * The actual spend form: each category by funding source, its projection beside a box for the
 * actual, prefilled with what is recorded (or, after a mistake, with what was typed).
 */
export const spendFormCard = (form: SpendForm, names: ReadonlyMap<string, string>): AdaptiveCardJson => {
  const errors = form.cells.filter((c) => c.error).length;
  return renderCard('spend', {
    title: `Actual spend: ${form.quarter.label}`,
    subtitle:
      'Type what was spent in the quarter, in pounds (such as 43,750 or 43,750.00), beside the projection from the first-year delivery plan. An empty box changes nothing.',
    noticeText: errors ? `Please put right the ${errors === 1 ? 'amount' : `${errors} amounts`} marked below. Nothing has been saved.` : '',
    noticeStyle: 'attention',
    categories: byCategory(form.cells).map((g) => ({
      category: g.category,
      cells: g.cells.map((c) => ({
        id: c.field,
        label: `${c.source}: ${projectedWords(c.projectedPence)}`,
        value: form.typed ? str(form.typed[c.field]) : c.actual ? typedPounds(c.actual.amountPence) : '',
        recorded: c.actual ? `Recorded: ${formatPence(c.actual.amountPence)} by ${names.get(c.actual.enteredBy) ?? 'someone no longer on the roster'}, ${dateWords(c.actual.at)}` : '',
        error: c.error ?? '',
      })),
    })),
    totals: totalsBySource(form.cells).map((t) => ({ title: t.source, value: t.projected === null ? 'No projection' : formatPence(t.projected) })),
    save: { verb: VERBS.spendSave, data: { verb: VERBS.spendSave, quarter: form.quarter.id, version: form.version } },
    buttons: [button('Highlight report', VERBS.report, { quarter: form.quarter.id })],
  });
};

/** After saving: what is now recorded for the quarter, set against the projection. */
export const spendSavedCard = (form: SpendForm, saved: number): AdaptiveCardJson => {
  const row = (category: string, source: string, projected: number | null, actual: number | null) => {
    const variance = varianceWords(projected, actual);
    return { category, source, projected: projected === null ? '–' : formatPence(projected), actual: actual === null ? 'Not recorded' : formatPence(actual), variance: variance.text, colour: variance.colour };
  };
  return renderCard('spend-saved', {
    title: `Actual spend saved for ${form.quarter.label}`,
    subtitle: `${saved === 0 ? 'No amounts were typed, so nothing changed.' : saved === 1 ? '1 amount saved.' : `${saved} amounts saved.`} The highlight report's spend chart uses these figures.`,
    rows: [
      ...form.cells.map((c) => row(c.category, c.source, c.projectedPence, c.actual?.amountPence ?? null)),
      ...totalsBySource(form.cells).map((t) => row('Total', t.source, t.projected, t.actual)),
    ],
    buttons: [button('Change the figures', VERBS.spendShow, { quarter: form.quarter.id }), button('Highlight report', VERBS.report, { quarter: form.quarter.id })],
  });
};

/** Someone saved the quarter's actuals after this form was sent: nothing is saved, what was typed is shown back. */
export const spendStaleCard = (quarter: Quarter, current: SpendForm, typed: Readonly<Record<string, unknown>>): AdaptiveCardJson => {
  // Typed text is shown only as an amount we formatted ourselves, never as text a TextBlock could turn into a link.
  const shown = (raw: string) => {
    const parsed = parsePounds(raw, MAX_SPEND_PENCE);
    return 'pence' in parsed ? formatPence(parsed.pence) : 'not an amount';
  };
  const rows = current.cells
    .filter((c) => str(typed[c.field]).trim() !== '')
    .map((c) => ({ text: `${c.category} – ${c.source}`, badge: shown(str(typed[c.field])) }));
  return listCard({
    title: `Someone else changed the actual spend for Q${quarter.number} since you opened it`,
    subtitle: `So I have not saved your figures for ${quarter.label}. Open the current figures, check them, and type your changes again.`,
    notice: { style: 'warning', text: 'Nothing has been saved.' },
    groups: [{ heading: 'What you typed', empty: 'No amounts.', rows }],
    actions: [button('Open the current figures', VERBS.spendShow, { quarter: quarter.id })],
  });
};
