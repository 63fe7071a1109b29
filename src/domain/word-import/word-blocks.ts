/**
 * A Word file as an import reads it: paragraphs and tables in reading order, nothing of layout.
 * The reader (src/export/docx/docx.structure.ts) makes these from any .docx; the rules here never
 * see XML.
 */
export interface WordParagraph {
  readonly kind: 'paragraph';
  readonly text: string;
  /** The style's id as written ("Heading3"); null for the default. Never relied on: Word and LibreOffice rename styles. */
  readonly style: string | null;
  /** In a numbered or bulleted list. */
  readonly listed: boolean;
  /** A list item's level below the first (1 for "a." under "1."), when Word says it. */
  readonly level?: number;
  /** The words set in bold, run by run. */
  readonly bold: readonly string[];
}
export interface WordCell {
  /** One line per paragraph in the cell. */
  readonly text: string;
  readonly span: number;
  /** The cell's fill as Word writes it ("FF0000"), when it has one: some partnerships rate a risk by colour alone. */
  readonly fill?: string;
  /** Merged down from the cell above: its text is that cell's. */
  readonly continues?: true;
}
export interface WordTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly WordCell[])[];
}
export type WordBlock = WordParagraph | WordTable;
