import { cellSpec, plainText, type Cell } from '../domain/document.model';

/**
 * One label per column from header rows that may span columns: "Q2 (Jul–Sep 2026): Milestones".
 * For formats with a single header row (Markdown, CSV).
 */
export const headerLabels = (rows: readonly (readonly Cell[])[]): string[] => {
  const columns: string[][] = [];
  for (const row of rows) {
    let column = 0;
    for (const cell of row) {
      const spec = cellSpec(cell);
      const text = plainText(spec.text).replace(/\s*\n\s*/g, ' ').trim();
      for (let i = 0; i < (spec.span ?? 1); i += 1) {
        const labels = (columns[column + i] ??= []);
        if (text && labels[labels.length - 1] !== text) labels.push(text);
      }
      column += spec.span ?? 1;
    }
  }
  return columns.map((labels) => labels.join(': '));
};
