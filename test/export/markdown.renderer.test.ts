import MarkdownIt from 'markdown-it';
import { demoPlan } from '../../src/demo/demo-plan';
import type { Block, DocumentModel } from '../../src/domain/document.model';
import { compileAnnexA } from '../../src/domain/plan.compile';
import { renderMarkdown } from '../../src/export/markdown.renderer';

/** A Markdown reader with GFM's autolinks on: what a person's viewer would make of the file. */
const reader = new MarkdownIt({ linkify: true, html: true });
type Token = ReturnType<MarkdownIt['parse']>[number];
const flatten = (tokens: Token[]): Token[] => tokens.flatMap((t) => [t, ...flatten(t.children ?? [])]);
const tokensOf = (markdown: string) => flatten(reader.parse(markdown, {}));
const textOf = (markdown: string) =>
  tokensOf(markdown)
    .filter((t) => t.type === 'text' || t.type === 'softbreak' || t.type === 'hardbreak')
    .map((t) => (t.type === 'text' ? t.content : '\n'))
    .join('');

const HOSTILE: [string, string][] = [
  ['a heading', '# Hacked heading'],
  ['a setext heading', 'Line\n==='],
  ['a bullet', '- injected bullet'],
  ['a numbered item', '1. injected item'],
  ['a table row', '| a | b |\n| --- | --- |\n| c | d |'],
  ['a link', '[click me](https://evil.example)'],
  ['an image', '![tracker](https://evil.example/x.png)'],
  ['an autolink', 'see https://evil.example/now'],
  ['a www link', 'go to www.evil.example today'],
  ['an email link', 'write to someone@evil.example'],
  ['raw HTML', '<script>alert(1)</script><img src=x>'],
  ['a code fence', '```\ncode\n```'],
  ['a quote', '> quoted'],
  ['emphasis', '_it_ ~~gone~~ *one* __two__'],
  ['an entity', '&copy; &amp;'],
  ['a bare domain', 'see evil.com/x or shropshire.gov.uk'],
  ['a scheme-less link', 'open //evil.com/x'],
  ['a list after a lone carriage return', 'x\r- injected\r1. injected'],
  ['a heading after a lone carriage return', 'x\r===\r---'],
  ['a code block after carriage returns', 'x\r\r    code'],
];
const FORBIDDEN = new Set(['heading_open', 'bullet_list_open', 'ordered_list_open', 'table_open', 'link_open', 'image', 'html_block', 'html_inline', 'fence', 'code_block', 'blockquote_open', 'strong_open', 'em_open', 's_open']);

describe('Markdown rendering of typed text', () => {
  const places = (typed: string): [string, Block][] => [
    ['a paragraph', { kind: 'paragraph', text: typed }],
    ['a field', { kind: 'field', label: 'Where the SRO sits', value: typed }],
    ['a list item', { kind: 'list', items: [typed] }],
    ['a table cell', { kind: 'table', header: [['Risk', 'Mitigation']], rows: [['Risk one', typed]] }],
    ['a heading', { kind: 'heading', level: 4, text: typed }],
  ];

  it.each(HOSTILE)('%s typed into every kind of block stays text, shown exactly as typed', (_what, typed) => {
    for (const [where, block] of places(typed)) {
      const markdown = renderMarkdown({ title: 't', blocks: [block] });
      // The block's own structure (a list, a table, a heading) is allowed; nothing the person typed adds to it.
      const own = new Set(tokensOf(renderMarkdown({ title: 't', blocks: [places('plain')[places(typed).findIndex(([w]) => w === where)]![1]] })).map((t) => t.type));
      // "<br>" is the renderer's own line break inside a table cell, not something typed.
      const added = tokensOf(markdown).filter((t) => FORBIDDEN.has(t.type) && !own.has(t.type) && !(t.type === 'html_inline' && t.content === '<br>'));
      expect({ where, added: added.map((t) => t.type) }).toEqual({ where, added: [] });
      expect(tokensOf(markdown).filter((t) => t.type === 'table_open').length).toBeLessThanOrEqual(block.kind === 'table' ? 1 : 0);
      const shown = textOf(markdown).replace(/\s+/g, ' ');
      for (const word of typed.split(/\s+/).filter((w) => /^[a-z]{4,}$/i.test(w))) expect(shown).toContain(word);
    }
  });

  it('"**words**" typed in an answer is bold, and nothing else typed is formatting', () => {
    const [block] = compileAnnexA({ ...demoPlan(), executiveSummary: { changeStory: '**Early years:** more [links](x) _here_' } }).blocks.filter(
      (b) => b.kind === 'paragraph' && JSON.stringify(b).includes('Early years'),
    );
    const tokens = tokensOf(renderMarkdown({ title: 't', blocks: [block!] })).map((t) => t.type);
    expect(tokens).toContain('strong_open');
    expect(tokens).not.toContain('link_open');
    expect(tokens).not.toContain('em_open');
  });

  it('the template’s own emphasis still shows', () => {
    const model: DocumentModel = { title: 't', blocks: [{ kind: 'list', items: [[{ text: 'Goal one.', bold: true }, { text: ' Then the words.' }]] }] };
    expect(tokensOf(renderMarkdown(model)).some((t) => t.type === 'strong_open')).toBe(true);
  });

  it('the whole demo plan reads back with exactly the tables Annex A has', () => {
    const markdown = renderMarkdown(compileAnnexA(demoPlan()));
    const tables = tokensOf(markdown).filter((t) => t.type === 'table_open').length;
    expect(tables).toBe(compileAnnexA(demoPlan()).blocks.filter((b) => b.kind === 'table').length);
    expect(tokensOf(markdown).filter((t) => t.type === 'link_open')).toEqual([]);
  });
});
