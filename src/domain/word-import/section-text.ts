import { EXECUTIVE_SUMMARY_PROMPT, QUESTION_PROMPTS, type Prose, type QuestionKey } from '../annex-a.text';
import { tableLine } from '../document.model';
import type { SectionKey } from '../plan.schema';
import { isPlaceholder } from './document-readers';
import { normalise } from './normalise';
import type { Line } from './plan-sections';

export type TextLine = Extract<Line, { kind: 'text' }>;

/** The template's words under a heading, which are not the partnership's answer. */
export const promptLines = (prose: readonly Prose[]): string[] => prose.flatMap((x) => (x.kind === 'paragraph' ? [x.text] : x.items)).map(normalise);
const PROMPTS: Partial<Record<SectionKey, ReadonlySet<string>>> = {
  executiveSummary: new Set(promptLines(EXECUTIVE_SUMMARY_PROMPT)),
  ...Object.fromEntries((Object.keys(QUESTION_PROMPTS) as QuestionKey[]).map((k) => [k, new Set(promptLines(QUESTION_PROMPTS[k].prompt))])),
};
/** A table typed into free text, as the plan keeps it there: a "| a | b |" line per row (printed as a table again). */
export const withTablesAsLines = (lines: readonly Line[]): Line[] =>
  lines.map((l): Line => (l.kind === 'row' ? { kind: 'text', text: tableLine(l.cells), listed: false, bold: [] } : l));

/** A section's own text lines, the template's prompt taken out. */
export const answerLinesOf = (section: SectionKey, lines: readonly Line[], more: ReadonlySet<string> = new Set()): TextLine[] => {
  const prompts = PROMPTS[section] ?? new Set<string>();
  // A sub-heading is the partnership's, even when it repeats the prompt's words ("NHS reforms").
  return lines.filter((l): l is TextLine => l.kind === 'text' && (Boolean(l.heading) || (!prompts.has(normalise(l.text)) && !more.has(normalise(l.text)))));
};

/**
 * A section's own words around its tables, as the plan keeps free text: all above the first table
 * (all of them when it has none), and the sentences under the last, up to the upload placeholder (a
 * note on the table, "Targets are draft until …"). A document's name under a table is not a sentence.
 */
export const textAroundTables = (section: SectionKey, lines: readonly Line[], more: ReadonlySet<string> = new Set()): string | null => {
  const first = lines.findIndex((l) => l.kind === 'row');
  if (first < 0) return asText(answerLinesOf(section, lines, more));
  const last = lines.map((l) => l.kind).lastIndexOf('row');
  const after = answerLinesOf(section, lines.slice(last + 1), more);
  const placeholder = after.findIndex((l) => isPlaceholder(l.text));
  const under = after.slice(0, placeholder < 0 ? after.length : placeholder).filter((l) => !l.listed && !l.heading && /[.!?)\]]$/.test(l.text.trim()));
  // Words a partnership put between two tables (a title over the second, a note on the first): kept with the words above them.
  const captions = answerLinesOf(section, lines.slice(first, last), more).filter((l) => !l.listed);
  return asText([...answerLinesOf(section, lines.slice(0, first), more), ...captions, ...under]);
};

/** Lines as the plan keeps free text: a paragraph a line, bullets as "- ", bold as **…**. */
export const asText = (lines: readonly TextLine[]): string | null => {
  const text = lines
    .map((l) => {
      let line = l.text.trim();
      for (const b of new Set(l.bold.map((x) => x.trim()).filter(Boolean))) line = line.replace(b, `**${b}**`);
      return l.listed ? `- ${line}` : line;
    })
    .join('\n');
  return text.trim() ? text : null;
};

/**
 * The one table a reader knows by its first row (Q2's blueprint, Q1's goals), with the section's
 * other tables a partnership added (a table of the core minimum requirements met) as "| a | b |"
 * text lines where they stand: `rest` without the table, `lines` with it in its place. Undefined
 * when no table starts so.
 */
export const theTable = (all: readonly Line[], startsIt: (cells: readonly string[]) => boolean): { table: Line[]; rest: Line[]; lines: Line[] } | undefined => {
  const at = all.findIndex((l, i) => l.kind === 'row' && all[i - 1]?.kind !== 'row' && startsIt(l.cells));
  if (at < 0) return undefined;
  let end = at + 1;
  while (all[end]?.kind === 'row') end++;
  const [before, table, after] = [withTablesAsLines(all.slice(0, at)), all.slice(at, end), withTablesAsLines(all.slice(end))];
  return { table, rest: [...before, ...after], lines: [...before, ...table, ...after] };
};
