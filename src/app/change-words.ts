import { shortenAtWord } from '../domain/text';
/**
 * An audit entry's before and after in words: which fields changed, named for people
 * ("Residual RAG", not "residualRag"), with values short enough for a card.
 */
export interface FieldChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

type Json = Record<string, unknown>;

export const fieldLabel = (key: string): string =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/\brag\b/i, 'RAG');

export const valueWords = (v: unknown, max = 200): string => {
  if (v === null || v === undefined || v === '') return '(empty)';
  const text = typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'yes' : 'no') : JSON.stringify(v);
  return shortenAtWord(text, max);
};

export const fieldChanges = (before: unknown, after: unknown): FieldChange[] => {
  const b = (before ?? {}) as Json;
  const a = (after ?? {}) as Json;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== 'id' && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ label: fieldLabel(k), before: valueWords(b[k]), after: valueWords(a[k]) }));
};

/** What a row is called, for "Added: …" and "Removed: …". */
export const rowWords = (row: unknown): string => {
  const r = (row ?? {}) as Json;
  // Never the id: a row nobody named is "a row".
  const code = typeof r.code === 'string' && r.code ? `Workstream ${r.code}` : null;
  return valueWords(r.name ?? r.title ?? r.category ?? r.description ?? r.text ?? r.area ?? r.purpose ?? code ?? 'a row');
};
