import { BUILDING_BLOCKS, LIMITS } from '../../domain/plan.schema';
import { shortenAtWord } from '../../domain/text';
import type { Choice, FieldSpec, TableSpec } from './section-forms.types';

/** The pieces the section questionnaires are built from: field kinds, and the tables several sections share. */

export const BLOCK_CHOICES: Choice[] = BUILDING_BLOCKS.map((b) => ({ value: b.id, title: b.name }));

export const text = (path: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ path, label, kind: 'text', max: LIMITS.short, ...extra });
export const long = (path: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ path, label, kind: 'multiline', max: LIMITS.narrative, ...extra });
export const lines = (path: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  path,
  label,
  kind: 'lines',
  hint: 'One a line.',
  max: LIMITS.narrative,
  ...extra,
});

export const str = (v: unknown): string => (typeof v === 'string' && v ? v : '');
export const clip = (v: string, n = 90): string => shortenAtWord(v, n);

export const documentsTable = (path: string, label: string, idPrefix: string): TableSpec => ({
  path,
  label,
  rowNoun: 'document',
  idPrefix,
  columns: () => [
    text('purpose', 'What it is', { max: LIMITS.short }),
    text('title', 'Document name', { max: LIMITS.line }),
    { path: 'url', label: 'Link', kind: 'url', max: LIMITS.line, hint: 'A full link starting with https://' },
  ],
  rowTitle: (r) => clip(`${str(r.purpose) || 'Document'}: ${str(r.title) || str(r.url) || 'not yet uploaded'}`),
  newRow: (id) => ({ id, purpose: null, title: null, url: null }),
});

export const measuresTable = (path: string, idPrefix: string): TableSpec => ({
  path,
  label: 'Success measures (baseline and target metrics)',
  rowNoun: 'success measure',
  idPrefix,
  columns: () => [text('name', 'Measure', { max: LIMITS.line }), text('baseline', 'Baseline', { max: LIMITS.line }), text('target', 'Target', { max: LIMITS.line })],
  rowTitle: (r) => clip(`${str(r.name) || 'Measure'}: baseline ${str(r.baseline) || '–'}, target ${str(r.target) || '–'}`),
  newRow: (id) => ({ id, name: null, baseline: null, target: null }),
});

export const blockKind = (r: Record<string, unknown>) => ({ ...r, kind: r.buildingBlock ? 'building-block' : 'enablers' });
export const blockTitle = (r: Record<string, unknown>) => BUILDING_BLOCKS.find((b) => b.id === r.buildingBlock)?.name ?? 'Enablers';

export const fundingSources = (content: unknown): { id: string; name: string }[] =>
  ((content as { fundingSources?: { id: string; name: string }[] })?.fundingSources ?? []).map((s) => ({ id: s.id, name: s.name }));
