import type { DocumentLink } from '../plan.schema';
import { freshId } from './fresh-id';
import { normalise } from './normalise';
import type { Line } from './plan-sections';

/** A document line as the plan prints it: "purpose: title (link)", any part left out when missing. */
const rendered = (d: DocumentLink): string => {
  const name = d.title ?? d.url ?? '';
  const link = d.url && d.title ? `${name} (${d.url})` : name;
  return normalise(d.purpose ? `${d.purpose}: ${link}` : link);
};

const URL_ONLY = /^https?:\/\/\S+$/i;
const TRAILING_URL = /^(.*\S)\s+\((https?:\/\/[^\s)]+)\)$/i;

/** A typed document line read into its parts; the first ": " ends the purpose (a URL's own colon is never followed by a space). */
const parseLine = (line: string): Omit<DocumentLink, 'id'> => {
  const text = normalise(line);
  const colon = text.indexOf(': ');
  const purpose = colon > 0 && !URL_ONLY.test(text) ? text.slice(0, colon) : null;
  const rest = purpose === null ? text : text.slice(colon + 2);
  const linked = TRAILING_URL.exec(rest);
  if (linked) return { purpose, title: linked[1]!, url: linked[2]! };
  if (URL_ONLY.test(rest)) return { purpose, title: null, url: rest };
  return { purpose, title: rest || null, url: null };
};

/**
 * A question's documents from the file: its listed lines (uploaded ones) and what the "Still to be
 * provided" list names for it (ones awaited, by what they are for). A line the plan already prints
 * keeps its document; an awaited one that now has a file fills that slot; anything else is new.
 * `defaults` are what the document says when the question has no documents at all: not a slot.
 */
export const readDocuments = (old: readonly DocumentLink[], listed: readonly string[], awaited: readonly string[], defaults: readonly string[] = []): DocumentLink[] => {
  const free = [...old];
  const taken = new Set(old.map((d) => d.id));
  const claim = (match: (d: DocumentLink) => boolean): DocumentLink | undefined => {
    const at = free.findIndex(match);
    return at < 0 ? undefined : free.splice(at, 1)[0];
  };
  const fresh = (words: string): string => {
    const id = freshId(words, taken);
    taken.add(id);
    return id;
  };
  const uploaded = listed.map((line): DocumentLink => {
    const same = claim((d) => rendered(d) === normalise(line));
    if (same) return same;
    const read = parseLine(line);
    const slot = read.purpose === null ? undefined : claim((d) => !d.title && !d.url && normalise(d.purpose ?? '') === read.purpose);
    return { ...read, id: slot?.id ?? fresh(read.title ?? read.purpose ?? read.url ?? 'document') };
  });
  const defaultWords = new Set(defaults.map((d) => normalise(d).toLowerCase()));
  const slots = awaited
    .filter((purpose) => !defaultWords.has(normalise(purpose).toLowerCase()))
    .map((purpose): DocumentLink => claim((d) => !d.title && !d.url && normalise(d.purpose ?? '') === normalise(purpose)) ?? { id: fresh(purpose), purpose: normalise(purpose), title: null, url: null });
  return [...uploaded, ...slots];
};

/** Listed lines after a section's last table: its documents (the plan prints nothing else there). */
export const listedAfterTables = (lines: readonly Line[]): string[] => {
  const last = lines.map((l) => l.kind).lastIndexOf('row');
  return lines.slice(last + 1).flatMap((l) => (l.kind === 'text' && l.listed ? [l.text] : []));
};

/** The template's placeholder, sometimes followed by what is to go there: "INSERT DOCUMENT UPLOAD LINK - our EAHO diagram". */
export const UPLOAD_PLACEHOLDER_TEXT = 'INSERT DOCUMENT UPLOAD LINK';
const UPLOAD_PLACEHOLDER = new RegExp(`^${UPLOAD_PLACEHOLDER_TEXT}\\s*(?:[-–:]\\s*(.*))?$`, 'i');

const PLACEHOLDER_FIRST = new RegExp(`^${UPLOAD_PLACEHOLDER_TEXT}\\b\\s*[-–:]?\\s*`, 'i');

/** Whether a line starts with the template's upload placeholder. */
export const isPlaceholder = (line: string): boolean => PLACEHOLDER_FIRST.test(normalise(line));

/** The placeholder's own words at the start of a line, as the plan's comparison leaves them out. */
export const withoutPlaceholder = (line: string): string => line.replace(PLACEHOLDER_FIRST, '');

/** What follows the placeholder says the document is still to come ("Add our EAHO diagram once agreed"), rather than naming it. */
const STILL_TO_COME = /^(add|insert|upload|attach)\b|\b(once|to follow|tbc|to be (confirmed|added|agreed|uploaded)|when (it is |agreed|published|signed))\b/i;

/**
 * Documents named in lines that may hold the template's upload placeholder: a bare one names
 * nothing; "INSERT DOCUMENT UPLOAD LINK – X" names the document X, or one still to come when X says
 * so ("Add our EAHO diagram once agreed"). Under the placeholder every line names documents;
 * elsewhere only those `named` accepts do.
 */
export const documentsInLines = (
  old: readonly DocumentLink[],
  plain: readonly string[],
  awaited: readonly string[],
  defaults: readonly string[],
  { named = () => true, split = false }: { named?: (line: string) => boolean; split?: boolean } = {},
): DocumentLink[] => {
  const placeholders = plain.map((l) => UPLOAD_PLACEHOLDER.exec(l));
  const toCome = placeholders.flatMap((m) => (m?.[1] && STILL_TO_COME.test(m[1]) ? [m[1]] : []));
  const after = placeholders.findIndex(Boolean);
  const listed = plain
    .map((l, i) => (placeholders[i]?.[1] && !STILL_TO_COME.test(placeholders[i][1]) ? placeholders[i][1] : l))
    .filter((l, i) => (!placeholders[i] || l !== plain[i]) && ((after >= 0 && i >= after) || named(l)))
    .flatMap((l) => (split ? l.split(/;\s+/) : [l]))
    .filter(Boolean);
  return readDocuments(old, listed, [...awaited, ...toCome], defaults);
};

/**
 * A section's documents after its last table. The plan lists them; a partnership's own copy often
 * writes them as plain lines ("Strategy (Appendix 1); JSNA (Appendix 4)") under the template's
 * upload placeholder. Away from the placeholder only a short line that is not a sentence names one.
 */
export const documentsAfterTables = (old: readonly DocumentLink[], lines: readonly Line[], awaited: readonly string[], defaults: readonly string[] = []): DocumentLink[] => {
  const listed = listedAfterTables(lines);
  if (listed.length) return readDocuments(old, listed, awaited, defaults);
  const last = lines.map((l) => l.kind).lastIndexOf('row');
  const plain = last < 0 ? [] : lines.slice(last + 1).flatMap((l) => (l.kind === 'text' && !l.heading ? [normalise(l.text)] : []));
  return documentsInLines(old, plain, awaited, defaults, { named: (l) => l.length <= 150 && !/[.!?]$/.test(l), split: true });
};

/** Annex B's second column: the document's name, then its link when it has one. */
export const annexBDocument = (old: DocumentLink | undefined, purpose: string | null, cell: string, id: string): DocumentLink => {
  const text = normalise(cell);
  const at = text.lastIndexOf(' ');
  const last = at < 0 ? text : text.slice(at + 1);
  const url = URL_ONLY.test(last) ? last : null;
  const title = url ? (at < 0 ? null : text.slice(0, at)) : text || null;
  return { ...(old ?? {}), id, purpose, title, url };
};
