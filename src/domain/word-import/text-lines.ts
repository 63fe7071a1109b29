import type { Line } from './plan-sections';

/**
 * A paragraph's text as the lines an import compares, on the plan's side and the file's alike:
 * split at its line breaks, and lines typed as list items marked so.
 */

// A paragraph's lines (broken by Shift+Enter), each with the bold runs it holds: a goal's bold title is not the line under it.
// The runs come in the text's order, so one pass finds each run's line (a paragraph may hold tens of thousands of runs).
export const textLines = (text: string, listed: boolean, bold: readonly string[] = [], level = 0): Line[] => {
  const raw = text.split('\n');
  const ends: number[] = [];
  raw.reduce((at, line) => (ends.push(at + line.length), at + line.length + 1), 0);
  const owned: string[][] = raw.map(() => []);
  let cursor = 0;
  let line = 0;
  for (const run of bold) {
    const t = run.trim();
    const at = t ? text.indexOf(t, cursor) : -1;
    if (at < 0) continue;
    cursor = at + t.length;
    while (line < ends.length - 1 && at > ends[line]!) line++;
    // A run across a line break belongs to no one line.
    if (cursor <= ends[line]!) owned[line]!.push(run);
  }
  return raw.flatMap((r, i): Line[] => {
    const t = r.trim();
    if (!t) return [];
    return [level > 0 ? { kind: 'text', text: t, listed, bold: owned[i]!, level } : { kind: 'text', text: t, listed, bold: owned[i]! }];
  });
};

/** A bullet typed by hand: "• ", "- ", "– ", "▪ " ("o " is too common a word to count). */
const TYPED_BULLET = /^[•▪◦●‣∙·\-–]\s+(?=\S)/;

/** A list number typed by hand at the start of a line: "1)", "(2)", "3.", then a tab or space and a word (not "10. 000"). */
const TYPED_ITEM = /^\(?\d{1,2}[.)][\t ]+(?=[^\d\s])/;

/**
 * Lines typed as list items by hand (lines often split by soft breaks): list items, as Word's own
 * are, marked `typed`. A typed bullet is only a mark and is taken off; a typed number stays in the
 * words, as it may be all that says which item is which. Cut the same way on both sides (the
 * plan's and the file's), so such a line typed in Teams reads back unchanged.
 */
export const typedItems = (lines: readonly Line[]): Line[] =>
  lines.map((l) => {
    if (l.kind !== 'text' || l.listed) return l;
    const bullet = TYPED_BULLET.exec(l.text);
    if (bullet) return { ...l, text: l.text.slice(bullet[0].length), listed: true, typed: true };
    return TYPED_ITEM.test(l.text) ? { ...l, listed: true, typed: true } : l;
  });
