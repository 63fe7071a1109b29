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
    const huge = { style: 'default', title: 'Too much', message: 'x'.repeat(MAX_CARD_BYTES), hint: '' };
    expect(() => renderCard('notice', huge)).toThrow(CardTooLargeError);
  });

  it('the checker itself catches a broken card', () => {
    const check = checkCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchElement' }, { type: 'TextBlock', text: '${oops}' }] });
    expect(check.problems.length).toBeGreaterThanOrEqual(2);
  });
});
