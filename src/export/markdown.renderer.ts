import { MISSING_TEXT, type Block, type DocumentModel } from '../domain/document.model';

const tableCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim();

/** Markdown's special characters escaped, so typed text shows exactly as typed. */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!<>~|]/g, (c) => `\\${c}`);

const renderBlock = (block: Block): string => {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'paragraph':
      return block.missing ? `_${block.text}_` : block.literal ? escapeMarkdown(block.text) : block.text;
    case 'field':
      return `**${block.label}:** ${block.value ?? `_${MISSING_TEXT}_`}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n');
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
      const body = block.literal ? block.rows.map((r) => r.map((c) => escapeMarkdown(c).replace(/\\\|/g, '|'))) : block.rows;
      return [row(block.header), row(block.header.map(() => '---')), ...body.map(row)].join('\n');
    }
  }
};

export const renderMarkdown = (document: DocumentModel): string => `${document.blocks.map(renderBlock).join('\n\n')}\n`;
