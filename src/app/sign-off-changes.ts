import type { SectionKey } from '../domain/plan.schema';
import { SECTIONS, sectionLabel } from '../domain/plan.sections';
import { fieldLabel, rowWords, valueWords } from './change-words';
import type { AuditEntry, SignOffRound } from './ports';

/**
 * Which round a request belongs to, and what changed in the plan since the round before: a
 * signatory asked again wants to know why, and what to read again.
 */
export interface RoundContext {
  /** 1 for the first round of the plan. */
  readonly number: number;
  readonly previous: {
    readonly number: number;
    readonly planVersion: number;
    readonly requestedAt: string;
    readonly outcome: { readonly kind: 'declined'; readonly names: readonly string[] } | { readonly kind: 'voided'; readonly reason: string | null } | { readonly kind: 'signed' } | { readonly kind: 'open' };
  } | null;
  /** Changes since the previous round, in Annex A order; at most MAX_CHANGES, with `more` counting the rest. */
  readonly changes: readonly RoundChange[];
  readonly more: number;
}

/** One field (or row) changed: short values carry their before and after; long ones are only named. */
export interface RoundChange {
  readonly section: string;
  readonly what: string;
  readonly kind: 'changed' | 'added' | 'removed';
  readonly before?: string;
  readonly after?: string;
  /** Named only because its text is long (rather than a list or table, which has no one line). */
  readonly long?: boolean;
}

export const MAX_CHANGES = 12;
/** Values up to this many characters are shown before and after; longer ones are named only. */
export const SHORT_VALUE = 120;

type Json = Record<string, unknown>;

const label = (key: string) => fieldLabel(key).replace(/\bsro\b/i, 'SRO');
const raw = (v: unknown) => valueWords(v, Number.MAX_SAFE_INTEGER);
const isStructured = (v: unknown) => v !== null && typeof v === 'object';
const isShort = (v: unknown) => raw(v).length <= SHORT_VALUE && (v === null || typeof v !== 'object');

const describe = (key: string, before: unknown, after: unknown): RoundChange[] => {
  const sectionKey = key.split('/')[0] as SectionKey;
  const section = sectionLabel(sectionKey);
  const isRow = key.includes('/');
  if (before === null || before === undefined) return [{ section, what: rowWords(after), kind: 'added' }];
  if (after === null || after === undefined) return [{ section, what: rowWords(before), kind: 'removed' }];
  const b = before as Json;
  const a = after as Json;
  const prefix = isRow ? `${rowWords(after)}: ` : '';
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== 'id' && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) =>
      isShort(b[k]) && isShort(a[k])
        ? { section, what: `${prefix}${label(k)}`, kind: 'changed' as const, before: raw(b[k]), after: raw(a[k]) }
        : { section, what: `${prefix}${label(k)}`, kind: 'changed' as const, long: !isStructured(b[k]) && !isStructured(a[k]) },
    );
};

/** The net change to each part between two versions: its first before and its last after. */
export const changesBetween = (entries: readonly AuditEntry[], fromVersion: number, toVersion: number): RoundChange[] => {
  const sections = new Set<string>(SECTIONS.map((s) => s.key));
  const net = new Map<string, { before: unknown; after: unknown }>();
  for (const e of [...entries].sort((x, y) => x.id - y.id)) {
    if (e.version === null || e.version <= fromVersion || e.version > toVersion || !sections.has(e.key.split('/')[0]!)) continue;
    const seen = net.get(e.key);
    net.set(e.key, { before: seen ? seen.before : e.before, after: e.after });
  }
  const order = (key: string) => SECTIONS.findIndex((s) => s.key === key.split('/')[0]);
  return [...net.entries()]
    .filter(([, c]) => JSON.stringify(c.before) !== JSON.stringify(c.after))
    .sort(([x], [y]) => order(x) - order(y))
    .flatMap(([key, c]) => describe(key, c.before, c.after));
};

/** `declined`: who declined in the previous round (a voided round no longer says so on its requests). */
export const roundContext = (round: SignOffRound, rounds: readonly SignOffRound[], previous: SignOffRound | null, declined: readonly string[], entries: readonly AuditEntry[]): RoundContext => {
  const index = rounds.findIndex((r) => r.id === round.id);
  const number = index < 0 ? rounds.length + 1 : index + 1;
  if (!previous) return { number, previous: null, changes: [], more: 0 };
  const outcome: NonNullable<RoundContext['previous']>['outcome'] = declined.length
    ? { kind: 'declined', names: [...new Set(declined)] }
    : previous.status === 'voided'
      ? { kind: 'voided', reason: previous.closeReason }
      : previous.status === 'signed'
        ? { kind: 'signed' }
        : { kind: 'open' };
  const all = changesBetween(entries, previous.planVersion, round.planVersion);
  return {
    number,
    previous: { number: number - 1, planVersion: previous.planVersion, requestedAt: previous.requestedAt, outcome },
    changes: all.slice(0, MAX_CHANGES),
    more: Math.max(0, all.length - MAX_CHANGES),
  };
};
