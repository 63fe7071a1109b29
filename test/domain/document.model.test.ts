import { textBlocks, type Block } from '../../src/domain/document.model';

/** Free text as partnerships type it (in Teams, or read from their Word plan) and what the plan prints of it. */
describe('free text: paragraphs, bullets and tables typed as "| a | b |" lines', () => {
  const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);

  it.each([
    ['a paragraph a line', 'One.\nTwo.', ['paragraph', 'paragraph']],
    ['bullets', 'Intro\n- a\n- b', ['paragraph', 'list']],
    ['a table between paragraphs', 'Above\n| Metric | Now |\n| EHCPs in 20 weeks | 31% |\nBelow', ['paragraph', 'table', 'paragraph']],
    ['Markdown’s rule under the headings, as typed in Teams', '| Metric | Now |\n|---|:--:|\n| EHCPs | 31% |', ['table']],
    ['bullets straight after a table', '| A | B |\n- a', ['table', 'list']],
    ['a bar in running text is not a table', 'Either | or', ['paragraph']],
  ])('%s', (_, text, expected) => {
    expect(kinds(textBlocks(text))).toEqual(expected);
  });

  it('a table’s first row is its headings, the rest its rows, cells trimmed', () => {
    const [table] = textBlocks('| Metric | Now (2025-26) |\n|---|---|\n| EHCPs issued within 20 weeks |  31% |');
    expect(table).toEqual({ kind: 'table', header: [['Metric', 'Now (2025-26)']], rows: [['EHCPs issued within 20 weeks', '31%']] });
  });
});
