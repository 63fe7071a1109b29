/**
 * A neutral document: what the compiled plan says, in order, with no format attached.
 * Markdown, Word and HTML renderers each read this one model.
 */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly missing?: boolean; readonly literal?: boolean }
  | { readonly kind: 'field'; readonly label: string; readonly value: string | null }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Text people typed that must show exactly as typed, never as formatting. */
      readonly literal?: boolean;
    };

export interface DocumentModel {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export const MISSING_TEXT = 'Not yet provided.';

/**
 * Free text as people type it: one paragraph a line, and lines starting "- " as bullets.
 */
export const textBlocks = (text: string | null): Block[] => {
  if (text === null) return [{ kind: 'paragraph', text: MISSING_TEXT, missing: true }];
  const blocks: Block[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) blocks.push({ kind: 'list', items: bullets });
    bullets = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('- ')) bullets.push(line.slice(2).trim());
    else {
      flush();
      if (line) blocks.push({ kind: 'paragraph', text: line });
    }
  }
  flush();
  return blocks;
};
