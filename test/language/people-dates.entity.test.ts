import type { PlanVocabulary } from '../../src/app/understanding.port';
import { quarter } from '../../src/domain/quarters';
import { dateIn } from '../../src/language/dates.entity';
import { maskPeople, personIn } from '../../src/language/people.entity';
import { tidy } from '../../src/language/text';

const people = [
  { id: 'natasha', name: 'Natasha Moody', sro: true },
  { id: 'jordan', name: 'Jordan Lee' },
  { id: 'duncan', name: 'Duncan Whitfield', signatoryRole: 'la-chief-finance-officer' as const },
  { id: 'david', name: 'David Shaw', signatoryRole: 'director-of-childrens-services' as const },
  { id: 'tanya', name: 'Tanya Miles', signatoryRole: 'la-chief-executive' as const },
  { id: 'sam-t', name: 'Sam Taylor' },
  { id: 'sam-b', name: 'Sam Brown' },
];
const vocabulary: PlanVocabulary = { workstreams: [], risks: [], currentQuarter: quarter(2026, 3), people, today: '2026-12-06' };

describe('people a message names', () => {
  it.each([
    ['ask Jordan to fill in the engagement section', 'jordan'],
    ['Duncan says the sign-off card never came', 'duncan'],
    ["has duncan whitfield's request gone?", 'duncan'],
    ['has the DCS signed?', 'david'],
    ["is the council chief exec's sign-off still pending?", 'tanya'],
    ['send it to the 151 officer', 'duncan'],
    ['tell the SRO', 'natasha'],
    ['ask Sam Brown to look', 'sam-b'],
    // Two people are called Sam: a first name alone names neither.
    ['ask Sam to look', undefined],
    ['send the plan for sign-off', undefined],
  ])('"%s" names %s', (text, id) => {
    expect(personIn(tidy(text), vocabulary)).toBe(id);
  });

  it.each([
    ['will you show me the risks', [{ id: 'will', name: 'Will Smith' }], undefined],
    ['which amber risks are open', [{ id: 'amber', name: 'Amber Khan' }], undefined],
    ['ask Zoë to look at Q9', [{ id: 'zoe', name: 'Zoë Martin' }], 'zoe'],
    ['which risks are red', [{ id: 'dash', name: '—' }], undefined],
  ])('"%s" with %j on the roster names %s', (text, roster, id) => {
    expect(personIn(tidy(text), { ...vocabulary, people: roster })).toBe(id);
  });

  it('reads roster names as "someone", so the model learns the phrasing and not the person', () => {
    expect(maskPeople(tidy('ask Jordan and Duncan Whitfield'), people)).toBe('ask someone and someone');
  });
});

describe('dates a message names, read in England from Sunday 6 December 2026', () => {
  it.each([
    ['by next Friday', '2026-12-11'],
    ['by the end of January', '2027-01-31'],
    ['by end of jan', '2027-01-31'],
    ['15 Jan', '2027-01-15'],
    ['due 15/01', '2027-01-15'],
    ['before Christmas', '2026-12-25'],
    ['in two weeks', '2026-12-20'],
  ])('"%s" is %s', (text, date) => {
    expect(dateIn(tidy(text), '2026-12-06')?.date).toBe(date);
  });

  it.each(['good morning', 'may I sign it', 'post the ws2 q3 update', 'the 151 officer', "we'd like Jordan to fill in Q9", 'it was due last Friday', 'signed 12 Oct 2025'])('"%s" names no date', (text) => {
    expect(dateIn(tidy(text), '2026-12-06')).toBeUndefined();
  });
});
