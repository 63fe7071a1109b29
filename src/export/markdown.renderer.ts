import { cellSpec, MISSING_TEXT, plainText, type Block, type Cell, type DocumentModel, type Text } from '../domain/document.model';
import { chartAltText } from './charts/chart.alt-text';
import { headerLabels } from './table-header';
import { provenanceLine, type Provenance } from './provenance';

/**
 * Typed text shown exactly as typed: every character Markdown could read as formatting is
 * escaped, so an answer can never become a heading, a list, a table row, a link or an image.
 * Autolinks are broken up too ("https\:\/\/", "evil\.com", "\@"), since GFM readers link them.
 */
export const escapeMarkdown = (text: string, lineStarts: 'all' | 'after-first' | 'none' = 'all'): string =>
  text
    // A lone carriage return ends a line for Markdown readers too; other control characters are dropped.
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    // "(" and "!" need no escape once "[" has one: they only make links and images after "[...]".
    .replace(/[\\`*_[\]#<>~|&@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\:\\/\\/')
    // A dot before two letters could be a domain ("evil.com", "shropshire.gov.uk") that a reader links.
    .replace(/(\w)\.(?=[a-z]{2})/gi, '$1\\.')
    .split('\n')
    .map((line, i) =>
      // Only where a line starts can "- ", "1." or "===" turn into a list or a heading.
      lineStarts === 'none' || (lineStarts === 'after-first' && i === 0)
        ? line
        : line.replace(/^\s+/, '').replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');

const inline = (text: Text, lineStarts: 'all' | 'after-first' | 'none' = 'all'): string =>
  typeof text === 'string'
    ? escapeMarkdown(text, lineStarts)
    : text
        .map((run, i) => {
          const body = escapeMarkdown(run.text, i === 0 ? lineStarts : lineStarts === 'none' ? 'none' : 'after-first');
          const mark = run.bold ? '**' : run.italic ? '*' : '';
          // Emphasis cannot cross a line break, nor start or end with a space.
          return mark ? body.split('\n').map((line) => line.replace(/^(\s*)(.*?)(\s*)$/, (all, a: string, t: string, b: string) => (t ? `${a}${mark}${t}${mark}${b}` : all))).join('\n') : body;
        })
        .join('');

const tableCell = (cell: Cell): string => inline(cellSpec(cell).text, 'none').replace(/\n/g, '<br>').trim();

const quote = (markdown: string): string =>
  markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

const renderBlock = (block: Block): string => {
  switch (block.kind) {
    case 'heading':
      // A heading is one line: a typed line break would end it and start whatever follows.
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text.replace(/\s*[\r\n]+\s*/g, ' '), 'none')}`;
    case 'paragraph': {
      if (block.missing) return `_${escapeMarkdown(plainText(block.text))}_`;
      const text = inline(block.text).replace(/\n/g, '  \n');
      return block.voice === 'prompt' ? quote(`*${text}*`) : text;
    }
    case 'field':
      return `**${escapeMarkdown(block.label)}:** ${block.value === null ? `_${MISSING_TEXT}_` : inline(block.value, 'after-first').replace(/\n/g, '  \n')}`;
    case 'list': {
      const list = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inline(item, 'all').replace(/\n/g, '  \n  ')}`).join('\n');
      return block.voice === 'prompt' ? quote(list) : list;
    }
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
      const width = Math.max(headerLabels(block.header).length, ...block.rows.map((r) => r.reduce((n, c) => n + (cellSpec(c).span ?? 1), 0)));
      const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
      const header = pad(headerLabels(block.header).map((label) => escapeMarkdown(label, 'none')));
      // A body cell spanning columns keeps its place and leaves the columns it covers empty.
      const body = block.rows.map((r) => pad(r.flatMap((c) => [tableCell(c), ...Array<string>((cellSpec(c).span ?? 1) - 1).fill('')])));
      return [row(header), row(header.map(() => '---')), ...body.map(row)].join('\n');
    }
    case 'chart':
      return `*${escapeMarkdown(block.chart.title)}* (chart): ${escapeMarkdown(chartAltText(block.chart))}`;
  }
};

export const renderMarkdown = (document: DocumentModel, provenance?: Provenance): string =>
  `${document.blocks.map(renderBlock).join('\n\n')}\n${provenance ? `\n---\n\n${provenanceLine(provenance)}\n` : ''}`;
