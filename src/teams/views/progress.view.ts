import type { AuditEntry } from '../../app/ports';
import { fieldChanges } from '../../app/change-words';
import type { Choice, FieldSpec } from '../../app/questionnaire/section-forms';
import { inputName } from '../../app/questionnaire/input-name';
import { DEPENDENCY_FIELDS, RISK_FIELDS } from '../../app/questionnaire/risk-fields';
import type { RegisterView } from '../../app/risk-register.service';
import type { UpdateForm } from '../../app/workstream-update.service';
import type { Person } from '../../domain/people.schema';
import type { Dependency, ItemOwner, Plan, Risk } from '../../domain/plan.schema';
import type { Quarter } from '../../domain/quarters';
import type { RiskMatrix } from '../../domain/risk-rating';
import { MILESTONE_STATUSES, type StoredUpdate } from '../../domain/workstream-update.schema';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords } from '../words';
import { fieldData } from './section.view';

const statusTitle = (id: string) => MILESTONE_STATUSES.find((s) => s.id === id)?.title ?? id;
const RAG_COLOUR: Record<string, string> = { Red: 'Attention', Amber: 'Warning', Green: 'Good' };
const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const button = (title: string, verb: string, data: Record<string, unknown> = {}) => ({ title, verb, data: { verb, ...data } });

/** `canRecordSpend`: the person may record the quarter's actual spend (SRO or a workstream lead, a delivery quarter). */
export const updateCard = (form: UpdateForm, notice: { style: string; text: string } | null = null, canRecordSpend = false): AdaptiveCardJson => {
  const typed = form.typed ?? {};
  const pick = (key: string, fallback: string) => (form.typed ? str(typed[key]) : fallback);
  const last = form.last;
  return renderCard('update', {
    title: `${form.quarter.label} update: Workstream ${form.workstream.code}`,
    subtitle: `${form.workstream.name}${form.workstream.lead ? `, led by ${form.workstream.lead}` : ''}. ${
      last ? `Last posted ${dateWords(last.at)} (${last.quarter}).` : 'No update posted yet.'
    }`,
    noticeText: notice?.text ?? (Object.keys(form.errors).length ? 'Please put right what is marked below. Nothing has been posted.' : ''),
    noticeStyle: notice?.style ?? 'attention',
    milestones: form.milestones.map((m) => ({
      text: m.text,
      previousText: m.previous
        ? `Last reported: ${statusTitle(m.previous.status)}${m.previous.rag ? ` (${m.previous.rag})` : ''}${m.previous.note ? ` – ${m.previous.note}` : ''}`
        : 'Not reported before.',
      hasPrevious: Boolean(m.previous),
      sameId: `same.${m.id}`,
      same: pick(`same.${m.id}`, 'false') || 'false',
      statusId: `status.${m.id}`,
      status: pick(`status.${m.id}`, m.previous?.status ?? 'not-started'),
      ragId: `rag.${m.id}`,
      rag: pick(`rag.${m.id}`, m.previous?.rag ?? ''),
      noteId: `note.${m.id}`,
      note: pick(`note.${m.id}`, m.previous?.note ?? ''),
      error: m.error ?? '',
    })),
    statuses: MILESTONE_STATUSES.map((s) => ({ title: s.title, value: s.id })),
    rags: ['Green', 'Amber', 'Red'].map((r) => ({ title: r, value: r })),
    target: form.target ?? 'none set in the plan',
    actual: pick('actual', last?.actual ?? ''),
    narrative: pick('narrative', last?.quarter === form.quarter.id ? (last?.narrative ?? '') : ''),
    blockers: pick('blockers', last?.blockers ?? ''),
    supportNeeded: pick('supportNeeded', last?.supportNeeded ?? ''),
    fieldErrors: ['actual', 'narrative', 'blockers', 'supportNeeded'].map((k) => form.errors[k]).filter(Boolean).join(' '),
    workstream: form.workstream.id,
    quarter: form.quarter.id,
    verbs: VERBS,
    extraActions: canRecordSpend ? [button('Record actual spend', VERBS.spendShow, { quarter: form.quarter.id })] : [],
  });
};

export interface ListRow {
  readonly text: string;
  readonly badge?: string;
  readonly colour?: string;
  readonly detail?: string;
  readonly buttons?: readonly ReturnType<typeof button>[];
}

/** How many rows a list card shows at once; the rest are a "More" away. */
export const LIST_PAGE_ROWS = 15;

/** Which page of a list to show, and the action that shows another page (its data gains `page`). */
export interface ListPaging {
  readonly page?: number;
  readonly verb: string;
  readonly data?: Record<string, unknown>;
}

export const listCard = (input: {
  title: string;
  subtitle?: string;
  notice?: { style: string; text: string } | null;
  groups: { heading: string; empty?: string; rows: ListRow[] }[];
  actions?: ReturnType<typeof button>[];
  paging?: ListPaging;
}): AdaptiveCardJson => {
  // Rows are paged across the groups in order: a card never grows with the list.
  const total = input.groups.reduce((n, g) => n + g.rows.length, 0);
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_ROWS));
  const page = Math.min(Math.max(0, Math.floor(input.paging?.page ?? 0)), pages - 1);
  const from = page * LIST_PAGE_ROWS;
  const to = from + LIST_PAGE_ROWS;
  let seen = 0;
  const groups = input.groups.flatMap((g) => {
    const start = seen;
    seen += g.rows.length;
    const first = Math.max(0, from - start);
    const rows = g.rows.slice(first, Math.max(0, to - start));
    if (!rows.length && (g.rows.length || page > 0)) return [];
    return [{ ...g, heading: g.rows.length > rows.length ? `${g.heading} (${first + 1}–${first + rows.length} of ${g.rows.length})` : g.heading, rows }];
  });
  const pageButton = (title: string, to: number) => button(title, input.paging?.verb ?? VERBS.risks, { ...(input.paging?.data ?? {}), page: to });
  const pagingActions =
    pages > 1 && input.paging ? [...(page > 0 ? [pageButton('Previous', page - 1)] : []), ...(page < pages - 1 ? [pageButton(`More (${page + 2} of ${pages})`, page + 1)] : [])] : [];
  const capped = pages > 1 && !input.paging;
  return renderCard('list', {
    title: input.title,
    subtitle: [input.subtitle ?? '', capped ? `Showing the first ${LIST_PAGE_ROWS} of ${total}.` : ''].filter(Boolean).join(' '),
    noticeText: input.notice?.text ?? '',
    noticeStyle: input.notice?.style ?? 'default',
    groups: groups.map((g) => ({
      heading: g.heading,
      empty: g.empty ?? 'None.',
      rows: g.rows.map((r) => ({ text: r.text, badge: r.badge ?? '', colour: r.colour ?? 'Default', detail: r.detail ?? '', buttons: r.buttons ?? [] })),
    })),
    actions: [...pagingActions, ...(input.actions ?? [])],
  });
};

export const workstreamsToUpdateCard = (workstreams: Plan['deliveryPlan']['workstreams'], quarter: Quarter): AdaptiveCardJson =>
  listCard({
    title: `Your workstreams: ${quarter.label}`,
    groups: [
      {
        heading: 'Choose the workstream to report on',
        empty: 'You do not lead any workstream, and nobody has named you to post for one. Ask the workstream lead or the SRO.',
        rows: workstreams.map((w) => ({ text: `Workstream ${w.code}: ${w.name}`, buttons: [button('Post update', VERBS.updateShow, { workstream: w.id, quarter: quarter.id })] })),
      },
    ],
  });

/** How many versions a history card shows at once; the rest are a "More" away. */
export const HISTORY_PAGE_ENTRIES = 8;

interface HistoryEntry {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** A history card showing one page of entries, with Previous / More when there are others. */
const historyCard = (title: string, entries: readonly HistoryEntry[], paging: ListPaging): AdaptiveCardJson => {
  const pages = Math.max(1, Math.ceil(entries.length / HISTORY_PAGE_ENTRIES));
  const page = Math.min(Math.max(0, Math.floor(paging.page ?? 0)), pages - 1);
  const shown = entries.slice(page * HISTORY_PAGE_ENTRIES, (page + 1) * HISTORY_PAGE_ENTRIES);
  const to = (label: string, p: number) => button(label, paging.verb, { ...(paging.data ?? {}), page: p });
  return renderCard('history', {
    title: pages > 1 ? `${title} (${page * HISTORY_PAGE_ENTRIES + 1}–${page * HISTORY_PAGE_ENTRIES + shown.length} of ${entries.length})` : title,
    entries: shown,
    actions: [...(page > 0 ? [to('Previous', page - 1)] : []), ...(page < pages - 1 ? [to(`More (${page + 2} of ${pages})`, page + 1)] : [])],
  });
};

export const updateHistoryCard = (
  workstreamName: string,
  updates: readonly StoredUpdate[],
  names: ReadonlyMap<string, string>,
  milestoneText: (id: string) => string,
  paging: ListPaging = { verb: VERBS.updateHistory },
): AdaptiveCardJson =>
  historyCard(
    `History: ${workstreamName}`,
    updates.map((u) => ({
      heading: `${u.quarter} update ${u.sequence}, posted ${dateWords(u.at)} by ${names.get(u.authorId) ?? u.authorId}`,
      lines: [
        ...u.milestones.map((m) => `${milestoneText(m.milestoneId)}: ${statusTitle(m.status)}${m.rag ? ` (${m.rag})` : ''}${m.note ? ` – ${m.note}` : ''}`),
        ...(u.actual ? [`Actual: ${u.actual}`] : []),
        ...(u.narrative ? [`Progress: ${u.narrative}`] : []),
        ...(u.blockers ? [`Blockers: ${u.blockers}`] : []),
        ...(u.supportNeeded ? [`Support needed: ${u.supportNeeded}`] : []),
      ],
    })),
    paging,
  );

const riskRow = (r: Risk, view: RegisterView | null): ListRow => {
  const canChange = Boolean(view?.changeable.has(r.id)) && r.status === 'open';
  const owner = view ? view.owners.get(r.id) : undefined;
  return {
    text: r.description,
    badge: r.rag ?? 'Not rated',
    colour: RAG_COLOUR[r.rag ?? ''] ?? 'Default',
    detail: [
      `Impact ${r.impact ?? '?'} × likelihood ${r.likelihood ?? '?'}`,
      r.residualRag ? `residual ${r.residualRag}` : '',
      owner === undefined ? '' : `owner: ${owner ?? 'the SRO'}`,
      r.status === 'closed' ? `closed: ${r.closedReason ?? ''}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    buttons: [
      ...(canChange
        ? [button('Re-score', VERBS.riskForm, { mode: 'rescore', risk: r.id }), button('Change', VERBS.riskForm, { mode: 'change', risk: r.id }), button('Close', VERBS.riskForm, { mode: 'close', risk: r.id })]
        : []),
      ...(view?.canChooseOwner && r.status === 'open' ? [button('Owner', VERBS.riskForm, { mode: 'owner', risk: r.id })] : []),
      button('History', VERBS.changeHistory, { kind: 'risk', id: r.id }),
    ],
  };
};

/** The register as one person may act on it: Re-score / Change / Close on what is theirs, Owner for the SRO. */
export const riskRegisterCard = (view: RegisterView, notice: { style: string; text: string } | null = null, page = 0, only?: 'dependencies'): AdaptiveCardJson => {
  const row = (r: Risk) => riskRow(r, view);
  const risks = only !== 'dependencies';
  return listCard({
    paging: { page, verb: VERBS.risks },
    title: risks ? 'Risk register and dependencies' : 'Dependencies (Q11)',
    subtitle: risks
      ? 'Q10 shows at most five headline risks; the rest stay in the full log. Each risk is changed by its owner (a workstream’s leads, or a person) or the SRO.'
      : 'What the plan depends on from other bodies and programmes. Each is changed by its owner or the SRO.',
    notice,
    groups: [
      ...(risks
        ? [
            { heading: `Headline risks (${view.headline.length} of 5)`, rows: view.headline.map(row) },
            { heading: 'Full risk log', empty: 'No other open risks.', rows: view.others.map(row) },
          ]
        : []),
      {
        heading: 'Dependencies (Q11)',
        rows: view.dependencies
          .filter((d) => d.status === 'open')
          .map((d) => ({
            text: d.area,
            detail: `owner: ${view.owners.get(d.id) ?? 'the SRO'}`,
            buttons: [
              ...(view.changeable.has(d.id) ? [button('Change', VERBS.dependencyForm, { mode: 'change', dependency: d.id }), button('Close', VERBS.dependencyForm, { mode: 'close', dependency: d.id })] : []),
              ...(view.canChooseOwner ? [button('Owner', VERBS.dependencyForm, { mode: 'owner', dependency: d.id })] : []),
              button('History', VERBS.changeHistory, { kind: 'dependency', id: d.id }),
            ],
          })),
      },
      { heading: 'Closed', empty: 'Nothing closed yet.', rows: [...(risks ? view.closed.map((r) => riskRow(r, null)) : []), ...view.dependencies.filter((d) => d.status === 'closed').map((d) => ({ text: d.area, detail: `Closed: ${d.closedReason ?? ''}` }))] },
    ],
    actions: view.canAdd ? [...(risks ? [button('Add a risk', VERBS.riskForm, { mode: 'add' })] : []), button('Add a dependency', VERBS.dependencyForm, { mode: 'add' })] : [],
  });
};

const field = (spec: FieldSpec, value: string, error: string | null = null) => fieldData({ spec, value, error }, false);

export type RiskFormMode = 'add' | 'rescore' | 'change' | 'close' | 'owner';

/** What a risk or dependency form is showing, as typed (after a refusal) or as stored. */
const typedOr = (typed: Record<string, unknown>) => (key: string, fallback: string) => (typeof typed[inputName(key)] === 'string' ? (typed[inputName(key)] as string) : fallback);
const ownerValue = (owner: ItemOwner | null | undefined) => (owner ? `${owner.kind}:${owner.id}` : 'sro');

/** A risk's or a dependency's form: its fields, and a submit that names the item and the version the card showed. */
const itemFormCard = (title: string, subtitle: string, error: string, fields: readonly unknown[], verb: string, data: Record<string, unknown>): AdaptiveCardJson =>
  renderCard('form', {
    title,
    subtitle,
    noticeText: error,
    noticeStyle: 'attention',
    fields,
    submit: { title, verb, data: { verb, ...data } },
    cancel: { verb: VERBS.risks, data: { verb: VERBS.risks } },
  });

export const riskFormCard = (
  mode: RiskFormMode,
  matrix: RiskMatrix,
  risk: Risk | null,
  typed: Record<string, unknown> = {},
  error = '',
  baseVersion?: number,
  ownerChoices: readonly Choice[] = [],
): AdaptiveCardJson => {
  const v = typedOr(typed);
  const scoring = [field(RISK_FIELDS.impact(matrix), v('impact', risk?.impact ?? '')), field(RISK_FIELDS.likelihood(matrix), v('likelihood', risk?.likelihood ?? ''))];
  const mitigation = [
    field(RISK_FIELDS.mitigation, v('mitigation', risk?.mitigation ?? '')),
    field(RISK_FIELDS.residualRag, v('residualRag', risk?.residualRag ?? '')),
    field(RISK_FIELDS.headline, v('headline', risk ? (risk.headline ? 'yes' : 'no') : 'no')),
  ];
  const fields: Record<RiskFormMode, () => ReturnType<typeof field>[]> = {
    add: () => [field(RISK_FIELDS.description, v('description', '')), field(RISK_FIELDS.scale, v('scale', matrix.scale)), ...scoring, ...mitigation],
    rescore: () => scoring,
    change: () => mitigation,
    close: () => [field(RISK_FIELDS.closedReason, v('reason', ''))],
    owner: () => [field(RISK_FIELDS.owner(ownerChoices), v('owner', ownerValue(risk?.owner)))],
  };
  const titles: Record<RiskFormMode, string> = { add: 'Add a risk', rescore: 'Re-score the risk', change: 'Change the mitigation', close: 'Close the risk', owner: 'Give the risk an owner' };
  return itemFormCard(titles[mode], risk ? risk.description : 'The RAG comes from impact × likelihood through the partnership’s risk matrix.', error, fields[mode]().map((f) => (mode === 'close' ? { ...f, id: inputName('reason') } : f)), VERBS.riskSave, {
    mode,
    ...(risk ? { risk: risk.id } : {}),
    ...(baseVersion ? { baseVersion } : {}),
  });
};

export type DependencyFormMode = 'add' | 'change' | 'close' | 'owner';

export const dependencyFormCard = (
  mode: DependencyFormMode,
  dependency: Dependency | null,
  typed: Record<string, unknown> = {},
  error = '',
  baseVersion?: number,
  ownerChoices: readonly Choice[] = [],
): AdaptiveCardJson => {
  const v = typedOr(typed);
  const fields: Record<DependencyFormMode, () => ReturnType<typeof field>[]> = {
    add: () => [field(DEPENDENCY_FIELDS.area, v('area', '')), field(DEPENDENCY_FIELDS.management, v('management', ''))],
    change: () => [field(DEPENDENCY_FIELDS.management, v('management', dependency?.management ?? ''))],
    close: () => [{ ...field(DEPENDENCY_FIELDS.closedReason, v('reason', '')), id: inputName('reason') }],
    owner: () => [field(DEPENDENCY_FIELDS.owner(ownerChoices), v('owner', ownerValue(dependency?.owner)))],
  };
  const titles: Record<DependencyFormMode, string> = { add: 'Add a dependency', change: 'Change how it is managed', close: 'Close the dependency', owner: 'Give the dependency an owner' };
  return itemFormCard(titles[mode], dependency?.area ?? '', error, fields[mode](), VERBS.dependencySave, {
    mode,
    ...(dependency ? { dependency: dependency.id } : {}),
    ...(baseVersion ? { baseVersion } : {}),
  });
};

export const delegateFormCard = (workstreamId: string, workstreamName: string, people: readonly Person[], error = ''): AdaptiveCardJson =>
  renderCard('form', {
    title: 'Name someone to post updates',
    subtitle: `${workstreamName}: they will be able to post its quarterly updates.`,
    noticeText: error,
    noticeStyle: 'attention',
    fields: [field({ path: 'delegate', label: 'Who', kind: 'choice', choices: people.map((p) => ({ value: p.id, title: p.name })) }, '')],
    submit: { title: 'Name them', verb: VERBS.delegate, data: { verb: VERBS.delegate, workstream: workstreamId } },
    cancel: { verb: VERBS.updateShow, data: { verb: VERBS.updateShow, workstream: workstreamId } },
  });

export const changeHistoryCard = (title: string, entries: readonly AuditEntry[], names: ReadonlyMap<string, string>, paging: ListPaging = { verb: VERBS.changeHistory }): AdaptiveCardJson =>
  historyCard(
    title,
    entries.map((e) => ({
      heading: `Version ${e.version ?? '–'}, ${dateWords(e.at)}, ${names.get(e.actorId) ?? (e.actorId === 'system' ? 'the assistant' : e.actorId)}: ${e.summary}`,
      lines: e.action === 'create' ? ['Added.'] : fieldChanges(e.before, e.after).map((c) => `${c.label}: ${c.before} → ${c.after}`),
    })),
    paging,
  );
