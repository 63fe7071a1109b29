import type { DeliveryQuarter } from '../../domain/plan.schema';
import { button } from './progress.view';
import type { QuarterlyReport, WorkstreamProgress } from '../../domain/quarterly-report';
import { quarter as makeQuarter, quarterWords } from '../../domain/quarters';
import { MILESTONE_STATUSES, type MilestoneProgress } from '../../domain/workstream-update.schema';
import { cardFitsWhole, renderCard, truncateAtWord, utf8Bytes, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords } from '../words';

const statusTitle = (id: string) => MILESTONE_STATUSES.find((s) => s.id === id)?.title ?? id;
const RAG_COLOUR: Record<string, string> = { Red: 'Attention', Amber: 'Warning', Green: 'Good' };

/**
 * How much of each update the card carries, most first. Teams refuses a card over about 28 KB,
 * so a large partnership's report steps down until it fits; the Word report always has it all.
 */
const DETAIL_LEVELS = ['whole', 'trimmed', 'exceptions', 'counts'] as const;
type DetailLevel = (typeof DETAIL_LEVELS)[number];

/** A workstream's part past either of these folds away behind a button, so the board sees every workstream at a glance. */
const FOLD_MILESTONES = 3;
const FOLD_BYTES = 400;
/** What each long text is cut to at each level, in UTF-8 bytes. */
const CUT_BYTES: Readonly<Record<DetailLevel, number>> = { whole: Infinity, trimmed: 280, exceptions: 140, counts: 140 };

const WORD_REPORT = 'full detail is in the Word report (Download as Word).';

/** The ones a board needs to see first: in trouble, or not reported at all. */
const needsAttention = (p: MilestoneProgress | null) => !p || p.status === 'at-risk' || p.status === 'off-track' || p.rag === 'Red' || p.rag === 'Amber';

const workstreamPart = (w: WorkstreamProgress, column: DeliveryQuarter | null, names: ReadonlyMap<string, string>, level: DetailLevel, index: number) => {
  const { update, workstream } = w;
  const cut = (text: string | null) => (text === null ? '' : level === 'whole' ? text : truncateAtWord(text, CUT_BYTES[level]));
  const planned = (column ? workstream.quarters[column].milestones : []).map((m) => ({ m, p: update?.milestones.find((x) => x.milestoneId === m.id) ?? null }));
  const shown = level === 'whole' || level === 'trimmed' ? planned : level === 'exceptions' ? planned.filter((x) => needsAttention(x.p)) : [];
  const milestones = shown.map(({ m, p }) => ({
    text: level === 'exceptions' ? cut(m.text) : m.text,
    status: p ? `${statusTitle(p.status)}${p.rag ? ` (${p.rag})` : ''}` : 'Not reported',
    colour: RAG_COLOUR[p?.rag ?? ''] ?? 'Default',
    note: level === 'exceptions' ? '' : cut(p?.note ?? null),
  }));
  const progress = level === 'counts' ? '' : cut(update?.narrative ?? null);
  const left = planned.length - shown.length;
  const trimmed = level !== 'whole' && [update?.narrative, ...planned.map((x) => x.p?.note)].some((t) => t && cut(t) !== t);
  const more =
    level === 'counts'
      ? `Milestones and progress are left off to fit Teams: ${WORD_REPORT}`
      : left > 0
        ? `${left} more milestone${left === 1 ? '' : 's'}, none at risk or off track: ${WORD_REPORT}`
        : trimmed
          ? `Long notes are cut short here: ${WORD_REPORT}`
          : '';
  const bytes = utf8Bytes([progress, ...milestones.flatMap((x) => [x.text, x.note])].join(''));
  const label = `Workstream ${workstream.code}`;
  return {
    name: `${label}: ${workstream.name}`,
    green: w.ragCounts.Green,
    amber: w.ragCounts.Amber,
    red: w.ragCounts.Red,
    none: w.ragCounts.none,
    trajectory: `Target: ${w.target ?? 'none set'} · Actual: ${update ? (update.actual ?? 'not given') : 'no update yet'}`,
    detail: [update?.blockers ? `Blockers: ${cut(update.blockers)}` : '', update?.supportNeeded ? `Support needed: ${cut(update.supportNeeded)}` : ''].filter(Boolean).join(' · '),
    hasUpdate: Boolean(update),
    posted: update ? `Posted ${dateWords(update.at)} by ${names.get(update.authorId) ?? 'someone no longer on the roster'} (update ${update.sequence})` : '',
    milestones,
    progress,
    more,
    folded: Boolean(update) && (milestones.length > FOLD_MILESTONES || bytes > FOLD_BYTES),
    // Element ids only link a button to what it opens; they are never shown.
    foldId: `report-part-${index}`,
    showId: `report-show-${index}`,
    hideId: `report-hide-${index}`,
    showTitle: `Show milestones and progress for ${label}`,
    hideTitle: `Hide milestones and progress for ${label}`,
  };
};

/** The highlight report: per workstream, the RAG counts, trajectory, each milestone's status and note, and the lead's progress. */
export const reportCard = (report: QuarterlyReport, names: ReadonlyMap<string, string> = new Map(), options: { canPost?: boolean } = {}): AdaptiveCardJson => {
  const q = report.quarter;
  const prev = q.number > 1 ? makeQuarter(q.year, (q.number - 1) as 1 | 2 | 3) : null;
  const next = q.number < 4 ? makeQuarter(q.year, (q.number + 1) as 2 | 3 | 4) : null;
  const count = (k: string) => report.riskEvents.filter((e) => e.kind === k).length;
  const data = (level: DetailLevel) => ({
    title: `Highlight report: ${quarterWords(q)}`,
    subtitle: report.noMilestones
      ? 'No milestones are planned for this quarter, so no updates are due.'
      : `${report.workstreams.length - report.missing.length} of ${report.workstreams.length} workstreams have reported.`,
    noMilestones: report.noMilestones ?? '',
    workstreams: (report.noMilestones ? [] : report.workstreams).map((w, i) => workstreamPart(w, report.column, names, level, i)),
    riskSummary: `${count('opened')} opened, ${count('re-scored')} re-scored, ${count('closed')} closed.`,
    riskEvents: report.riskEvents.map((e) => `${dateWords(e.at)}: ${e.detail} – ${e.risk.description}`),
    missingNone: report.noMilestones ? 'None expected: the plan has no milestones for this quarter.' : 'None: every workstream has reported.',
    missing: report.missing.map((w) => `Workstream ${w.code}: ${w.name}${w.lead ? ` (${w.lead})` : ''}`),
    navigation: [
      button('Download as Word', VERBS.reportDownload, { quarter: q.id }),
      ...(options.canPost ? [button('Post to the team channel', VERBS.channelPostReport, { quarter: q.id })] : []),
      ...(prev ? [button(`← ${quarterWords(prev, 'short')}`, VERBS.report, { quarter: prev.id })] : []),
      ...(next ? [button(`${quarterWords(next, 'short')} →`, VERBS.report, { quarter: next.id })] : []),
    ],
  });
  const level = DETAIL_LEVELS.find((l) => cardFitsWhole('report', data(l))) ?? 'counts';
  return renderCard('report', data(level));
};
