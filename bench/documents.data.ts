/**
 * The largest documents the bot makes, as data in a real SQLite store (bench/documents.bench.ts):
 * the demo plan grown about ten times within the plan schema's own limits, and a quarter with
 * 300 workstream updates and 150 risks. Unlike bench/synthetic-plan.ts, every plan here passes
 * the real Plan schema, so the store accepts it exactly as it would accept one typed in Teams.
 */
import type { ChangeMeta, Clock } from '../src/app/ports';
import { demoPlan } from '../src/demo/demo-plan';
import type { Person } from '../src/domain/people.schema';
import { Plan, type Risk, type Workstream } from '../src/domain/plan.schema';
import type { MilestoneProgress, MilestoneStatus, WorkstreamUpdate } from '../src/domain/workstream-update.schema';
import { SqliteStore } from '../src/storage/sql/sql.store';

export const SRO_ID = 'bench-sro';
export const REPORT_QUARTER = '2026-Q3';

/** A clock the seeding moves by hand, so audit entries and posts fall in the quarter reported on. */
export class SeedClock implements Clock {
  private current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  tick(ms = 1000): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  now(): Date {
    return new Date(this.current);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every long text (200 characters or more) `factor` times as long: with `inRows`, the texts in
 * table rows too (so a table of ten times the rows holds a hundred times the text); without,
 * only the section narratives outside tables, as bench/synthetic-plan.ts does.
 */
const lengthen = (value: Json, factor: number, inRows: boolean): Json => {
  if (typeof value === 'string') return value.length >= 200 ? Array.from({ length: factor }, (_, i) => (i === 0 ? value : `(${i + 1}) ${value}`)).join('\n\n') : value;
  if (Array.isArray(value)) return inRows ? value.map((v) => lengthen(v, factor, inRows)) : value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lengthen(v, factor, inRows)]));
  return value;
};

/** Rows `factor` times over; copies get new ids (and codes), so ids stay unique within each table. */
const times = <T>(rows: readonly T[], factor: number, rename: (row: T, copy: number) => T): T[] =>
  Array.from({ length: factor }, (_, copy) => rows.map((row) => (copy === 0 ? structuredClone(row) : rename(structuredClone(row), copy)))).flat();

const withId = <T>(row: T, copy: number): T => {
  const r = row as T & { id?: unknown };
  return typeof r.id === 'string' ? { ...r, id: `${r.id}-x${copy}` } : r;
};

/**
 * Whatever is still past a schema limit (a text longer than its field allows, a table longer
 * than its maximum) is cut to that limit, as the schema reports it: the result always parses.
 */
const fitToSchema = (value: Json): Plan => {
  for (let round = 0; round < 10; round++) {
    const parsed = Plan.safeParse(value);
    if (parsed.success) return parsed.data;
    let fixed = 0;
    for (const issue of parsed.error.issues) {
      if (issue.code !== 'too_big' || (issue.type !== 'string' && issue.type !== 'array')) continue;
      const key = issue.path[issue.path.length - 1]!;
      let parent: Json | undefined = value;
      for (const step of issue.path.slice(0, -1)) parent = (parent as Record<string | number, Json> | undefined)?.[step];
      // A row an earlier cut in this round already dropped: nothing to do.
      if (!parent || typeof parent !== 'object') continue;
      const holder = parent as Record<string | number, Json>;
      const current = holder[key];
      const max = Number(issue.maximum);
      if (typeof current === 'string') holder[key] = current.slice(0, max).trimEnd();
      else if (Array.isArray(current)) holder[key] = current.slice(0, max);
      fixed += 1;
    }
    if (!fixed) throw parsed.error;
  }
  return Plan.parse(value);
};

export interface PlanShapeFigures {
  readonly workstreams: number;
  readonly milestones: number;
  readonly risks: number;
  readonly tableRows: number;
  readonly jsonBytes: number;
}

const countMilestones = (plan: Plan) => plan.deliveryPlan.workstreams.reduce((n, w) => n + w.quarters.Q2.milestones.length + w.quarters.Q3.milestones.length + w.quarters.Q4.milestones.length, 0);

/** Rows of every table in the plan (arrays of records with an id), milestones included. */
const countRows = (value: unknown): number => {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + (v && typeof v === 'object' && 'id' in v ? 1 : 0) + countRows(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((n, v) => n + countRows(v), 0);
  return 0;
};

export const planFigures = (plan: Plan): PlanShapeFigures => ({
  workstreams: plan.deliveryPlan.workstreams.length,
  milestones: countMilestones(plan),
  risks: plan.risks.risks.length,
  tableRows: countRows(plan),
  jsonBytes: Buffer.byteLength(JSON.stringify(plan)),
});

/**
 * The demo plan about `factor` times over: every table `factor` times the rows, every long section
 * narrative `factor` times as long (with `longRowTexts`, every long text in a row too), each cut
 * to the schema's limits (30 workstreams, 20,000 characters a narrative, ...). Where the
 * workstreams hit their limit, each keeps proportionally more milestones, so the plan still has
 * about `factor` times the demo's milestones. The signatories (five roles) and the 41 core
 * requirements (a fixed catalogue) stay as they are.
 */
export const schemaBoundPlan = (factor = 10, options: { extraRisks?: number; longRowTexts?: boolean } = {}): Plan => {
  const demo = demoPlan();
  const plan = lengthen(demo as unknown as Json, factor, options.longRowTexts ?? false) as unknown as Plan;
  const grow = <T>(rows: readonly T[]) => times(rows, factor, withId);
  plan.visionAndGoals.goals = grow(plan.visionAndGoals.goals);
  plan.threeYearPicture.blueprint = grow(plan.threeYearPicture.blueprint);
  plan.threeYearPicture.successMeasures = grow(plan.threeYearPicture.successMeasures);
  plan.threeYearPicture.documents = grow(plan.threeYearPicture.documents);
  for (const list of ['inputs', 'activities', 'outputs', 'outcomes'] as const) plan.theoryOfChange[list] = grow(plan.theoryOfChange[list]);
  plan.roadmap.rows = grow(plan.roadmap.rows);
  plan.roadmap.successMeasures = grow(plan.roadmap.successMeasures);
  plan.deliveryPlan.crossCuttingFocus = grow(plan.deliveryPlan.crossCuttingFocus);
  plan.deliveryPlan.fundingSources = grow(plan.deliveryPlan.fundingSources).slice(0, 10);
  plan.deliveryPlan.spend = grow(plan.deliveryPlan.spend);
  // Every spend line has an amount from every funding source, in every quarter.
  plan.deliveryPlan.spend.forEach((line, i) => {
    for (const q of ['Q2', 'Q3', 'Q4'] as const) for (const s of plan.deliveryPlan.fundingSources) line.amounts[q][s.id] ??= 100_000 * ((i % 7) + 1);
  });
  plan.deliveryPlan.documents = grow(plan.deliveryPlan.documents);
  const demoWorkstreams = demo.deliveryPlan.workstreams.length;
  const workstreams = times(plan.deliveryPlan.workstreams, factor, (w: Workstream, copy) => ({ ...w, id: `${w.id}-x${copy}`, code: `${w.code}.${copy}` })).slice(0, 30);
  const milestoneFactor = (factor * demoWorkstreams) / workstreams.length;
  for (const w of workstreams) {
    for (const q of ['Q2', 'Q3', 'Q4'] as const) {
      const base = w.quarters[q].milestones;
      const want = Math.ceil(base.length * milestoneFactor);
      w.quarters[q].milestones = Array.from({ length: want }, (_, i) => ({ id: i < base.length ? base[i]!.id : `${base[i % base.length]!.id}-m${i}`, text: base[i % base.length]!.text }));
    }
  }
  plan.deliveryPlan.workstreams = workstreams;
  plan.risks.risks = grow(plan.risks.risks);
  plan.risks.risks.push(...extraRiskRows(demo.risks.risks, options.extraRisks ?? 0));
  plan.dependencies.items = grow(plan.dependencies.items);
  plan.monitoring.kpiGroups = grow(plan.monitoring.kpiGroups);
  plan.governance.mechanisms = grow(plan.governance.mechanisms);
  plan.governance.documents = grow(plan.governance.documents);
  plan.centralGovernmentSupport.asks = grow(plan.centralGovernmentSupport.asks);
  plan.supportingDocuments.documents = grow(plan.supportingDocuments.documents);
  plan.reviewComments = grow(plan.reviewComments);
  return fitToSchema(plan as unknown as Json);
};

/** Risks opened during the quarter: copies of the demo's, with their own ids and long mitigations. */
const extraRiskRows = (demo: readonly Risk[], count: number): Risk[] =>
  Array.from({ length: count }, (_, i) => {
    const r = demo[i % demo.length]!;
    return { ...structuredClone(r), id: `${r.id}-q3-${i}`, description: `${r.description} (area ${i + 1})`, mitigation: `${r.mitigation ?? ''} ${'Mitigation detail agreed at the quarterly board. '.repeat(20)}`.trim() };
  });

const meta = (summary: string): ChangeMeta => ({ actorId: SRO_ID, summary });

const roster = (plan: Plan): Person[] => [
  { id: SRO_ID, name: 'Bench SRO', email: null, roles: [{ role: 'sro' }] },
  ...plan.deliveryPlan.workstreams.map((w, i): Person => ({ id: `bench-lead-${i}`, name: `Lead ${i + 1}`, email: null, roles: [{ role: 'workstream-lead', workstreams: [w.id] }] })),
];

/** (a) The plan about ten times the demo's, stored as version 1 with its roster. */
export const seedPlanStore = async (file: string, planId: string, options: { longRowTexts?: boolean } = {}): Promise<Plan> => {
  const clock = new SeedClock('2026-09-20T09:00:00Z');
  const store = await SqliteStore.open(file, clock);
  try {
    const plan = schemaBoundPlan(10, options);
    await store.replaceRoster(roster(plan), meta('bench roster'));
    await store.createPlan(planId, plan, meta('bench plan'));
    return plan;
  } finally {
    await store.close();
  }
};

const STATUSES: readonly MilestoneStatus[] = ['on-track', 'at-risk', 'off-track', 'complete', 'not-started'];
const line = (text: string, max = 2000) => text.repeat(Math.ceil(max / text.length)).slice(0, max - 20).trimEnd();

const post = (w: Workstream, quarter: 'Q2' | 'Q3', n: number): WorkstreamUpdate => {
  const trajectory = w.quarters[quarter].trajectory;
  const milestones: MilestoneProgress[] = w.quarters[quarter].milestones.map((m, i) => {
    const status = STATUSES[(i + n) % STATUSES.length]!;
    return { milestoneId: m.id, status, rag: status === 'not-started' ? null : status === 'at-risk' ? 'Amber' : status === 'off-track' ? 'Red' : 'Green', note: line(`Milestone ${m.id} progress note ${n}: what moved, what did not. `, 600) };
  });
  return {
    workstreamId: w.id,
    quarter: `2026-${quarter}`,
    milestones,
    // Every lead gives a figure, so every workstream is drawn in the trajectory chart.
    actual: trajectory.metric ? `${trajectory.metric}: ${40 + n}${trajectory.unit ?? ''}` : `${12 + n} families reached`,
    narrative: line(`Update ${n} for ${w.code}: progress this quarter against the delivery plan. `),
    blockers: line(`Blocker ${n}: capacity and recruitment in the specialist teams. `),
    supportNeeded: line(`Support ${n}: a decision from the partnership board on funding. `),
  };
};

export interface ReportSeed {
  readonly plan: Plan;
  readonly updates: number;
  readonly riskEvents: number;
  readonly spendActuals: number;
}

/**
 * (b) and (c): the ten-times plan at the start of the year, then in 2026-Q3 100 more risks
 * opened (150 in all), 60 re-scored and 30 closed, 300 workstream updates (ten from each of the
 * 30 workstreams, every milestone reported on, each with a figure as its actual and texts near
 * their 2,000-character limit), one update per workstream in Q2 for the trajectory chart, and
 * actual spend for every line and funding source.
 */
export const seedReportStore = async (file: string, planId: string): Promise<ReportSeed> => {
  const clock = new SeedClock('2026-07-01T09:00:00Z');
  const store = await SqliteStore.open(file, clock);
  try {
    const full = schemaBoundPlan(10, { extraRisks: 100 });
    const opened = new Set(full.risks.risks.filter((r) => r.id.includes('-q3-')).map((r) => r.id));
    const start: Plan = { ...full, risks: { ...full.risks, risks: full.risks.risks.filter((r) => !opened.has(r.id)) } };
    await store.replaceRoster(roster(full), meta('bench roster'));
    let version = (await store.createPlan(planId, start, meta('bench plan'))).version;
    const leads = new Map(full.deliveryPlan.workstreams.map((w, i) => [w.id, `bench-lead-${i}`]));
    let updates = 0;
    clock.set('2026-09-10T09:00:00Z');
    for (const w of full.deliveryPlan.workstreams) {
      await store.addUpdate(planId, post(w, 'Q2', 0), { id: `q2-${w.id}`, authorId: leads.get(w.id)!, planVersion: version }, meta('update'));
      clock.tick();
      updates += 1;
    }
    clock.set('2026-10-02T09:00:00Z');
    for (let n = 1; n <= 10; n++) {
      for (const w of full.deliveryPlan.workstreams) {
        await store.addUpdate(planId, post(w, 'Q3', n), { id: `q3-${w.id}-${n}`, authorId: leads.get(w.id)!, planVersion: version }, meta('update'));
        clock.tick(60_000);
        updates += 1;
      }
    }
    clock.set('2026-10-15T09:00:00Z');
    version = (await store.savePlan(planId, version, full, meta('risks opened'))).snapshot.version;
    clock.set('2026-11-10T09:00:00Z');
    const rescored: Plan = structuredClone(full);
    rescored.risks.risks.slice(0, 60).forEach((r) => {
      r.impact = r.impact === 'High' ? 'Medium' : 'High';
      r.rag = r.rag === 'Red' ? 'Amber' : 'Red';
    });
    version = (await store.savePlan(planId, version, rescored, meta('risks re-scored'))).snapshot.version;
    clock.set('2026-12-01T09:00:00Z');
    const closed: Plan = structuredClone(rescored);
    closed.risks.risks.slice(60, 90).forEach((r) => {
      r.status = 'closed';
      r.closedReason = 'Mitigated: the board agreed it no longer threatens delivery.';
    });
    await store.savePlan(planId, version, closed, meta('risks closed'));
    const spend = full.deliveryPlan.spend.flatMap((l, i) => full.deliveryPlan.fundingSources.map((s, j) => ({ quarter: REPORT_QUARTER, lineId: l.id, sourceId: s.id, amountPence: 90_000 * ((i + j) % 9) })));
    await store.saveSpendActuals(planId, REPORT_QUARTER, await store.spendActualsVersion(planId, REPORT_QUARTER), spend, meta('spend'));
    return { plan: closed, updates, riskEvents: 100 + 60 + 30, spendActuals: spend.length };
  } finally {
    await store.close();
  }
};
