import type { ChartData } from './report-charts.model';

/**
 * A neutral document: what the compiled plan says, in order, with no format attached.
 * Markdown and Word renderers read this one model, and sign-off fingerprints it, so what is
 * signed and what is handed in are the same text.
 *
 * Text here is always plain: no Markdown, no markup. Emphasis is structure (a run with
 * `bold`), so a renderer can escape every character a person typed and still show the
 * template's own emphasis.
 */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Plain text, or runs with emphasis. A new line starts a new paragraph inside a cell. */
export type Text = string | readonly Run[];

/** RAG colouring and the template's grey header cells. */
export type Shade = 'red' | 'amber' | 'green' | 'header';

export interface CellSpec {
  readonly text: Text;
  /** Columns this cell covers (header cells over "Milestones" and "Target trajectory"). */
  readonly span?: number;
  readonly shade?: Shade;
  readonly bold?: boolean;
}
export type Cell = string | CellSpec;

/** Where a block's words come from: the template's own prompts are set apart from answers. */
export type Voice = 'prompt' | 'answer';

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: Text; readonly missing?: boolean; readonly voice?: Voice }
  | { readonly kind: 'field'; readonly label: string; readonly value: string | null }
  | { readonly kind: 'list'; readonly items: readonly Text[]; readonly ordered?: boolean; readonly voice?: Voice }
  | {
      readonly kind: 'table';
      /** Lets a later step find this table again (the signatories table is filled at sign-off). */
      readonly id?: string;
      /** One or more header rows; a cell may span columns. Repeated on every page in Word. */
      readonly header: readonly (readonly Cell[])[];
      readonly rows: readonly (readonly Cell[])[];
      /** Relative column widths; equal when absent. */
      readonly widths?: readonly number[];
      /** A wide table is set on landscape pages in Word. */
      readonly wide?: boolean;
    }
  | { readonly kind: 'chart'; readonly chart: ChartData };

export interface DocumentModel {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export const MISSING_TEXT = 'Not yet provided.';

/** The plain words of a text, emphasis dropped. */
export const plainText = (text: Text): string => (typeof text === 'string' ? text : text.map((r) => r.text).join(''));

export const cellSpec = (cell: Cell): CellSpec => (typeof cell === 'string' ? { text: cell } : cell);

/**
 * "**words**" in typed text is bold, as in Teams chat and in the plans partnerships paste in;
 * nothing else people type is read as formatting.
 */
export const emphasis = (text: string): Text => {
  const parts = text.split(/\*\*(\S(?:[^*]*\S)?)\*\*/);
  if (parts.length === 1) return text;
  return parts.map((part, i): Run => (i % 2 === 1 ? { text: part, bold: true } : { text: part })).filter((r) => r.text !== '');
};

/** "| a | b |": a row of a table typed into free text, as partnerships set headline figures in a summary. */
const TABLE_LINE = /^\|(.*)\|$/;
/** "|---|:--|": Markdown's line under a table's headings, typed in Teams; the first row is the headings anyway. */
const RULE_LINE = /^\|[\s:|-]*-[\s:|-]*\|$/;

/** A row of cells as free text keeps it: "| a | b |" (a cell's own bars become slashes). */
export const tableLine = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\s+/g, ' ').replace(/\|/g, '/').trim()).join(' | ')} |`;

/**
 * Free text as people type it: one paragraph a line, lines starting "- " as bullets, and lines
 * "| a | b |" as a table, its first row the headings.
 */
export const textBlocks = (text: string | null): Block[] => {
  if (text === null) return [{ kind: 'paragraph', text: MISSING_TEXT, missing: true }];
  const blocks: Block[] = [];
  let bullets: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (bullets.length) blocks.push({ kind: 'list', items: bullets.map(emphasis) });
    if (rows.length) blocks.push({ kind: 'table', header: rows.slice(0, 1), rows: rows.slice(1) });
    bullets = [];
    rows = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const row = TABLE_LINE.exec(line);
    if (row) {
      if (bullets.length) flush();
      if (!RULE_LINE.test(line)) rows.push(row[1]!.split('|').map((c) => c.trim()));
    } else if (line.startsWith('- ')) {
      if (rows.length) flush();
      bullets.push(line.slice(2).trim());
    } else {
      flush();
      if (line) blocks.push({ kind: 'paragraph', text: emphasis(line) });
    }
  }
  flush();
  return blocks;
};

/** JSON with keys in sorted order (undefined left out): the same value always gives the same text. */
export const canonicalJson = (value: unknown): string => {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
};

/**
 * The canonical form of a document: the text a fingerprint is taken of, whoever built the objects.
 */
export const canonicalForm = (document: DocumentModel): string => canonicalJson(document);
