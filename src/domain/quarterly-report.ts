import type { Block, DocumentModel } from './document.model';
import { formatPence } from './money';
import type { DeliveryQuarter, Plan, RagRating, Risk, Workstream } from './plan.schema';
import { deliveryColumn, noMilestonesReason, quarterWords, type Quarter } from './quarters';
import type { ChartData } from './report-charts.model';
import type { StoredSpendActual } from './spend-actuals.schema';
import { MILESTONE_STATUSES, type StoredUpdate } from './workstream-update.schema';

/** A change to a risk in the quarter, as the audit log recorded it. */
export interface RiskChange {
  readonly at: string;
  readonly who: string;
  readonly before: Risk | null;
  readonly after: Risk | null;
}

export type RiskEventKind = 'opened' | 're-scored' | 'closed' | 'changed';

export interface RiskEvent {
  readonly kind: RiskEventKind;
  readonly at: string;
  readonly who: string;
  readonly risk: Risk;
  readonly detail: string;
}

export interface WorkstreamProgress {
  readonly workstream: Workstream;
  /** The latest post for the quarter, if any. */
  readonly update: StoredUpdate | null;
  readonly ragCounts: Readonly<Record<RagRating | 'none', number>>;
  readonly target: string | null;
}

export interface QuarterlyReport {
  readonly quarter: Quarter;
  /** The plan's delivery column for the quarter: null for the planning quarter and for other years. */
  readonly column: DeliveryQuarter | null;
  /** Why the quarter has no milestones, in words; null when it has. */
  readonly noMilestones: string | null;
  readonly workstreams: readonly WorkstreamProgress[];
  readonly riskEvents: readonly RiskEvent[];
  readonly missing: readonly Workstream[];
}

const classify = (c: RiskChange): RiskEvent | null => {
  const risk = c.after ?? c.before;
  if (!risk) return null;
  if (!c.before && c.after) return { kind: 'opened', at: c.at, who: c.who, risk, detail: `Opened: ${c.after.rag ?? 'not rated'}` };
  if (c.before && c.after && c.before.status === 'open' && c.after.status === 'closed') {
    return { kind: 'closed', at: c.at, who: c.who, risk, detail: `Closed: ${c.after.closedReason ?? 'no reason given'}` };
  }
  if (c.before && c.after && (c.before.impact !== c.after.impact || c.before.likelihood !== c.after.likelihood || c.before.rag !== c.after.rag)) {
    return {
      kind: 're-scored',
      at: c.at,
      who: c.who,
      risk,
      detail: `Re-scored: ${c.before.impact ?? '?'} × ${c.before.likelihood ?? '?'} (${c.before.rag ?? '–'}) → ${c.after.impact ?? '?'} × ${c.after.likelihood ?? '?'} (${c.after.rag ?? '–'})`,
    };
  }
  if (!c.after) return null;
  return { kind: 'changed', at: c.at, who: c.who, risk, detail: 'Mitigation or residual RAG changed' };
};

/** Progress for a quarter: each workstream's latest update against its milestones, and what happened to risks. */
export const buildQuarterlyReport = (plan: Plan, quarter: Quarter, latest: readonly StoredUpdate[], riskChanges: readonly RiskChange[]): QuarterlyReport => {
  const column = deliveryColumn(plan.meta.reportingYear, quarter);
  const workstreams = plan.deliveryPlan.workstreams.map((workstream): WorkstreamProgress => {
    const update = latest.find((u) => u.workstreamId === workstream.id && u.quarter === quarter.id) ?? null;
    const planned = column ? workstream.quarters[column].milestones : [];
    const counts = { Red: 0, Amber: 0, Green: 0, none: 0 };
    for (const m of planned) {
      const rag = update?.milestones.find((p) => p.milestoneId === m.id)?.rag ?? null;
      counts[rag ?? 'none'] += 1;
    }
    return { workstream, update, ragCounts: counts, target: column ? workstream.quarters[column].trajectory.text : null };
  });
  const inQuarter = riskChanges.filter((c) => c.at.slice(0, 10) >= quarter.start && c.at.slice(0, 10) <= quarter.end);
  return {
    quarter,
    column,
    noMilestones: noMilestonesReason(plan.meta.reportingYear, quarter),
    workstreams,
    riskEvents: inQuarter.map(classify).filter((e): e is RiskEvent => e !== null),
    missing: workstreams.filter((w) => !w.update && column !== null).map((w) => w.workstream),
  };
};

const RAG_SHADE = { Red: 'red', Amber: 'amber', Green: 'green' } as const;

const statusTitle = (id: string) => MILESTONE_STATUSES.find((s) => s.id === id)?.title ?? id;

const chartOf = (charts: readonly ChartData[], type: ChartData['type']): Block[] => charts.filter((c) => c.type === type).map((chart) => ({ kind: 'chart', chart }));

/** Projected against actual spend for the quarter, per category and funding source, with the variance. */
const spendBlocks = (plan: Plan, quarter: Quarter, column: DeliveryQuarter | null, actuals: readonly StoredSpendActual[]): Block[] => {
  if (!column) return [{ kind: 'paragraph', text: 'This quarter has no projected spend in the plan.' }];
  const mine = actuals.filter((a) => a.quarter === quarter.id);
  const money = (pence: number | null) => (pence === null ? '' : formatPence(pence));
  const variance = (projected: number | null, actual: number | null) => (projected === null || actual === null ? '' : `${actual - projected < 0 ? '−' : actual - projected > 0 ? '+' : ''}${formatPence(Math.abs(actual - projected))}`);
  const rows = plan.deliveryPlan.spend.flatMap((line) =>
    plan.deliveryPlan.fundingSources.map((source) => {
      const projected = line.amounts[column][source.id] ?? null;
      const actual = mine.find((a) => a.lineId === line.id && a.sourceId === source.id)?.amountPence ?? null;
      return [line.category, source.name, money(projected), actual === null ? 'Not recorded' : money(actual), variance(projected, actual)];
    }),
  );
  return [{ kind: 'table', header: [['Category', 'Funding source', 'Projected', 'Actual', 'Variance']], rows, widths: [4, 2, 1.4, 1.4, 1.4] }];
};

export interface ReportExtras {
  readonly charts?: readonly ChartData[];
  readonly spendActuals?: readonly StoredSpendActual[];
}

/** The milestones table, its charts, then each workstream's update against its milestones. */
const milestoneBlocks = (report: QuarterlyReport, names: ReadonlyMap<string, string>, charts: readonly ChartData[]): Block[] => {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Milestones by RAG' },
    {
      kind: 'table',
      header: [['Workstream', 'Lead', 'Green', 'Amber', 'Red', 'Not rated', 'Target trajectory', 'Actual']],
      // Wide enough for "Green" and "Amber" whole in a portrait table header (bold 9 pt Arial).
      widths: [2.5, 1.7, 1.1, 1.1, 0.8, 1, 2.2, 1.6],
      rows: report.workstreams.map((w) => [
        `${w.workstream.code}: ${w.workstream.name}`,
        w.workstream.lead ?? '',
        String(w.ragCounts.Green),
        String(w.ragCounts.Amber),
        String(w.ragCounts.Red),
        String(w.ragCounts.none),
        w.target ?? '',
        w.update?.actual ?? (w.update ? '' : 'No update'),
      ]),
    },
    ...chartOf(charts, 'milestones-by-rag'),
    ...chartOf(charts, 'trajectory'),
  ];
  for (const w of report.workstreams) {
    blocks.push({ kind: 'heading', level: 3, text: `Workstream ${w.workstream.code}: ${w.workstream.name}` });
    if (!w.update) {
      blocks.push({ kind: 'paragraph', text: 'No update posted for this quarter yet.', missing: true });
      continue;
    }
    const planned = report.column ? w.workstream.quarters[report.column].milestones : [];
    blocks.push({
      kind: 'paragraph',
      text: `Posted by ${names.get(w.update.authorId) ?? 'someone no longer on the roster'} on ${w.update.at.slice(0, 10)} (update ${w.update.sequence} for the quarter).`,
    });
    blocks.push({
      kind: 'table',
      header: [['Milestone', 'Status', 'RAG', 'Note']],
      widths: [4, 1.3, 1, 3],
      rows: planned.map((m) => {
        const p = w.update?.milestones.find((x) => x.milestoneId === m.id);
        return [m.text, p ? statusTitle(p.status) : 'Not reported', p?.rag ? { text: p.rag, shade: RAG_SHADE[p.rag] } : '', p?.note ?? ''];
      }),
    });
    blocks.push({ kind: 'field', label: 'Target trajectory', value: w.target });
    blocks.push({ kind: 'field', label: 'Actual', value: w.update.actual });
    blocks.push({ kind: 'field', label: 'Progress', value: w.update.narrative });
    blocks.push({ kind: 'field', label: 'Blockers', value: w.update.blockers });
    blocks.push({ kind: 'field', label: 'Support needed', value: w.update.supportNeeded });
  }
  return blocks;
};

export const reportDocument = (plan: Plan, report: QuarterlyReport, names: ReadonlyMap<string, string>, extras: ReportExtras = {}): DocumentModel => {
  const { quarter } = report;
  const charts = extras.charts ?? [];
  const title = `Highlight report: ${quarterWords(quarter)}`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: `${plan.header.localAuthority ?? 'Local area partnership'} – ${plan.meta.title} ${plan.meta.reportingYear}` },
  ];
  if (report.noMilestones) blocks.push({ kind: 'heading', level: 2, text: 'Milestones' }, { kind: 'paragraph', text: report.noMilestones });
  else blocks.push(...milestoneBlocks(report, names, charts));
  blocks.push({ kind: 'heading', level: 2, text: 'Risks this quarter' });
  const count = (k: RiskEventKind) => report.riskEvents.filter((e) => e.kind === k).length;
  blocks.push({ kind: 'paragraph', text: `${count('opened')} opened, ${count('re-scored')} re-scored, ${count('closed')} closed, ${count('changed')} otherwise changed.` });
  if (report.riskEvents.length) {
    blocks.push({
      kind: 'table',
      header: [['Date', 'Risk', 'What happened', 'By']],
      widths: [1.2, 4, 3, 1.5],
      rows: report.riskEvents.map((e) => [e.at.slice(0, 10), e.risk.description, e.detail, e.who]),
    });
  }
  blocks.push(...chartOf(charts, 'risk-heatmap'));
  blocks.push({ kind: 'heading', level: 2, text: 'Spend: projected and actual' });
  blocks.push(...spendBlocks(plan, quarter, report.column, extras.spendActuals ?? []));
  blocks.push(...chartOf(charts, 'spend'));
  blocks.push({ kind: 'heading', level: 2, text: 'Updates still missing' });
  blocks.push(
    report.missing.length
      ? { kind: 'list', items: report.missing.map((w) => `Workstream ${w.code}: ${w.name}${w.lead ? ` (${w.lead})` : ''}`) }
      : { kind: 'paragraph', text: report.noMilestones ? 'None expected: the plan has no milestones for this quarter.' : 'None: every workstream has reported.' },
  );
  return { title, blocks };
};
