import { VERBS } from '../../src/teams/verbs';
import { button, findButton, inputs, onlyCard, validCard } from '../support/card-inspect';
import { cardText, createBotHarness, PLAYGROUND_USERS } from '../support/bot.harness';

const { sro, signatory, pcf } = PLAYGROUND_USERS;
const ANNIE = '00000000-0000-0000-0000-0000000000025'; // leads workstream 3
const OVERSIGHT = 'spend.spend-oversight.transformation'; // projected £27,500 in Q3
const DIGITAL = 'spend.spend-digital.transformation'; // projected £16,250 in Q3
const WORKFORCE = 'spend.spend-workforce.eah'; // projected £400,000 in Q3

const valid = validCard;

/** The card's items that sit with an input: the input itself and what is written just below it. */
const besideInput = (card: unknown, id: string): string => {
  let found: unknown;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Container' && Array.isArray(n.items) && n.items.some((i: { type?: string; id?: string }) => i.type === 'Input.Text' && i.id === id)) found = n;
      else Object.values(n).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`No input ${id} on the card:\n${cardText(card)}`);
  return JSON.stringify(found);
};

describe('actual spend from Teams', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness(); // the clock says 27 November 2026: quarter 2026-Q3
  });
  afterEach(async () => {
    await bot.close();
  });

  const only = (who: string, text: string) => onlyCard(bot, who, text);
  const save = async (who: string, form: Record<string, unknown>, typed: Record<string, string>) =>
    valid(await bot.executeCard(who, VERBS.spendSave, { ...inputs(form), ...typed, ...button(form, 'Save actual spend') }));

  it('"spend for Q3" opens the form: each category by funding source, its projection beside a box for the actual', async () => {
    const form = await only(sro, 'spend for Q3');
    const words = cardText(form);
    expect(words).toContain('Actual spend: Q3 (Oct–Dec 2026)');
    for (const category of [
      'Programme oversight/additional leadership capacity.',
      'Workforce – EAHO mixed delivery model: internal recruitment (LA led) and commissioning(ICB and special schools)',
      'Data: system integration',
      'Digital: development of digital navigation tool (workforce)',
    ])
      expect(words).toContain(category);
    expect(besideInput(form, OVERSIGHT)).toContain('Transformation Funding: projected £27,500');
    expect(besideInput(form, DIGITAL)).toContain('Transformation Funding: projected £16,250');
    expect(besideInput(form, WORKFORCE)).toContain('EAH funding: projected £400,000');
    // The quarter's totals by funding source.
    expect(words).toMatch(/Projected for the quarter\nTransformation Funding\n£43,750\nEAH funding\n£400,000/);
    expect(Object.keys(inputs(form))).toHaveLength(8);
    expect(button(form, 'Save actual spend')).toEqual({ verb: VERBS.spendSave, quarter: '2026-Q3', version: 0 });
  });

  it.each(['spend', 'actual spend', 'Record spend', 'record actual spend for Q3'])('understands "%s" as the spend form for this quarter', async (text) => {
    expect(cardText(await only(ANNIE, text))).toContain('Actual spend: Q3 (Oct–Dec 2026)');
  });

  it('a bad amount comes back marked beside its field, with what was typed kept, and nothing is saved', async () => {
    const form = await only(sro, 'spend for Q3');
    const before = await bot.services.spend.list();
    const card = await save(sro, form, { [OVERSIGHT]: '12.5', [DIGITAL]: '17,500' });
    expect(cardText(card)).toContain('Please put right the amount marked below. Nothing has been saved.');
    const oversight = besideInput(card, OVERSIGHT);
    expect(oversight).toContain('Enter an amount in pounds, such as 43,750 or 43,750.00');
    expect(oversight).toContain('"color":"Attention"');
    expect(besideInput(card, DIGITAL)).not.toContain('Attention');
    expect(inputs(card)[OVERSIGHT]).toBe('12.5');
    expect(inputs(card)[DIGITAL]).toBe('17,500');
    expect(await bot.services.spend.list()).toEqual(before);
    // The form still saves at the version it was opened at.
    expect(button(card, 'Save actual spend')).toEqual({ verb: VERBS.spendSave, quarter: '2026-Q3', version: 0 });
  });

  it('a good save shows projected, actual and variance; a second save from the old form gets the stale card', async () => {
    const form = await only(sro, 'spend for Q3');
    const saved = await save(sro, form, { [OVERSIGHT]: '26,000', [DIGITAL]: '17500.00' });
    const words = cardText(saved);
    expect(words).toContain('Actual spend saved for Q3 (Oct–Dec 2026)');
    expect(words).toContain('2 amounts saved.');
    expect(words).toMatch(/Programme oversight\/additional leadership capacity\.\nTransformation Funding\n£27,500\n£26,000\n£1,500 under/);
    expect(words).toMatch(/Digital: development of digital navigation tool \(workforce\)\nTransformation Funding\n£16,250\n£17,500\n£1,250 over/);
    expect(words).toMatch(/Total\nTransformation Funding\n£43,750\n£43,500\n£250 under/);
    expect(words).toMatch(/EAH funding\n£400,000\nNot recorded/);
    const stored = await bot.services.spend.list('2026-Q3');
    expect(stored.map((a) => [a.lineId, a.sourceId, a.amountPence]).sort()).toEqual([
      ['spend-digital', 'transformation', 1_750_000],
      ['spend-oversight', 'transformation', 2_600_000],
    ]);

    // The same form sent again at version 0, now by Annie: Natasha saved after it was opened.
    const stale = await save(ANNIE, form, { [WORKFORCE]: '380,000' });
    const staleWords = cardText(stale);
    expect(staleWords).toContain('Someone else changed the actual spend for Q3 since you opened it');
    expect(staleWords).toContain('Nothing has been saved.');
    expect(staleWords).toMatch(/EAH funding\n£380,000/);
    expect(await bot.services.spend.list('2026-Q3')).toEqual(stored);
    const current = valid(await bot.executeCard(ANNIE, VERBS.spendShow, button(stale, 'Open the current figures')));
    expect(inputs(current)[OVERSIGHT]).toBe('26,000');
    expect(besideInput(current, OVERSIGHT)).toContain('Recorded: £26,000 by Natasha Moody, 27 November 2026');
    expect(button(current, 'Save actual spend')).toEqual({ verb: VERBS.spendSave, quarter: '2026-Q3', version: 1 });
  });

  it('the quarterly update card offers "Record actual spend" to a lead, for that quarter', async () => {
    const update = await only(ANNIE, 'update');
    const record = button(update, 'Record actual spend');
    expect(record).toEqual({ verb: VERBS.spendShow, quarter: '2026-Q3' });
    expect(cardText(valid(await bot.executeCard(ANNIE, VERBS.spendShow, record)))).toContain('Actual spend: Q3 (Oct–Dec 2026)');
    // Q1 is the planning quarter: no spend to record, so no button.
    const q1 = valid(await bot.executeCard(ANNIE, VERBS.updateShow, { workstream: 'ws-3', quarter: '2026-Q1' }));
    expect(findButton(q1, 'Record actual spend')).toBeUndefined();
  });

  it('a delegate who is not a lead posts updates but does not get the spend button', async () => {
    await bot.executeCard(ANNIE, VERBS.delegate, { workstream: 'ws-3', 'f.delegate': pcf });
    const update = valid(await bot.executeCard(pcf, VERBS.updateShow, { workstream: 'ws-3', quarter: '2026-Q3' }));
    expect(cardText(update)).toContain('Q3 (Oct–Dec 2026) update: Workstream 3');
    expect(findButton(update, 'Record actual spend')).toBeUndefined();
  });

  it('someone who is neither the SRO nor a lead cannot open the form or save to it', async () => {
    const typed = cardText(await only(pcf, 'spend'));
    expect(typed).toContain("Your role doesn't allow that");
    expect(typed).toContain('Actual spend is recorded by the SRO or a workstream lead.');
    const pressed = valid(await bot.executeCard(signatory, VERBS.spendShow, { quarter: '2026-Q3' }));
    expect(cardText(pressed)).toContain('Actual spend is recorded by the SRO or a workstream lead.');
    const forged = valid(await bot.executeCard(pcf, VERBS.spendSave, { quarter: '2026-Q3', version: 0, [OVERSIGHT]: '1,000' }));
    expect(cardText(forged)).toContain("Your role doesn't allow that");
    expect(await bot.services.spend.list()).toEqual([]);
  });

  it('a quarter with no projection is explained, not shown as an empty form', async () => {
    const card = cardText(await only(sro, 'spend for Q1'));
    expect(card).toContain("Some of that isn't right");
    expect(card).toContain('is not a delivery quarter of the 2026-27 plan');
  });
});
