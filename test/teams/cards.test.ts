import { readFileSync } from 'node:fs';
import { CARD_NAMES, MAX_CARD_BYTES, renderCard, templatePath, CardTooLargeError } from '../../src/teams/cards';
import { checkCard } from '../support/adaptive-card.validate';

describe('card templates', () => {
  it.each(CARD_NAMES)('%s binds its sample data into a valid schema 1.5 card', (name) => {
    const sample = JSON.parse(readFileSync(templatePath(name).replace(/\.json$/, '.data.json'), 'utf8'));
    const check = checkCard(renderCard(name, sample));
    expect(check.problems).toEqual([]);
    expect(check.bytes).toBeLessThan(MAX_CARD_BYTES);
  });

  it('refuses to build a card Teams would reject for size', () => {
    // Short texts cannot be shortened further: 3,000 rows are too many for any card.
    const row = { text: 'A row', badge: '', colour: 'Default', detail: '', buttons: [] };
    const huge = { title: 'Too much', subtitle: '', noticeText: '', noticeStyle: 'default', groups: [{ heading: 'Rows', empty: '', rows: Array.from({ length: 3000 }, () => row) }], actions: [] };
    expect(() => renderCard('list', huge)).toThrow(CardTooLargeError);
  });

  it('shortens a long text shown on a card, at a word with an ellipsis, to fit the budget in UTF-8 bytes', () => {
    const long = { style: 'default', title: 'Long', message: `${'word '.repeat(4000)}${'😀'.repeat(10_000)}`, hint: '' };
    const card = renderCard('notice', long);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).toMatch(/word…/);
  });

  it('the checker itself catches a broken card', () => {
    const check = checkCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchElement' }, { type: 'TextBlock', text: '${oops}' }] });
    expect(check.problems.length).toBeGreaterThanOrEqual(2);
  });
});
