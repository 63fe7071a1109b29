import { SECTIONS } from '../../src/domain/plan.sections';
import { SECTION_FORMS } from '../../src/app/questionnaire/section-forms';
import { VERBS } from '../../src/teams/verbs';
import { button, findButton, inputs, validCard } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const { sro } = PLAYGROUND_USERS;
const VIEWER = 'demo-pat-viewer';

/** Every Action.Execute on a card, with its title and data. */
const actions = (card: unknown): { title: string; data: Record<string, unknown> }[] => {
  const out: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute') out.push({ title: String(n.title), data: n.data as Record<string, unknown> });
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
};

/** The plan as the template's parts, as partners know them. */
const PARTS = [
  'Partnership, signatories and executive summary',
  'Section 1 – Vision and Goals',
  'Section 2 – Strategy',
  'Section 3 – Monitoring and Evaluation',
  'Section 4 – Governance',
  'Section 5 – Central Government Support',
  'Annex B - Supporting Documents',
  'Annex C – Risk Matrix',
];

describe('sections, status and the questionnaire as people walk them', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  const press = async (who: string, card: unknown, title: string | RegExp, typed: Record<string, unknown> = {}) => {
    const data = button(card, title);
    const next = await bot.executeCard(who, String(data.verb), { ...inputs(card), ...typed, ...data });
    return validCard(next);
  };

  describe('only a change makes a draft', () => {
    it.each(SECTIONS.map((s) => [s.key, SECTION_FORMS[s.key].steps.length] as const))('paging through %s (%i steps) with nothing typed leaves no draft', async (section, steps) => {
      let card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section }));
      for (let i = 1; i < steps; i++) card = await press(sro, card, 'Next');
      for (let i = 1; i < steps; i++) card = await press(sro, card, 'Back');
      expect(await bot.store.listDrafts(sro, PLAN_ID)).toEqual([]);
      expect(cardText(card)).not.toContain('Your draft');
      expect(findButton(card, 'Discard draft')).toBeUndefined();
    });

    it('"my tasks" lists no draft after paging, and Save draft with nothing changed says so', async () => {
      let card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'visionAndGoals' }));
      card = await press(sro, card, 'Next');
      card = await press(sro, card, 'Back');
      card = await press(sro, card, 'Save draft');
      expect(cardText(card)).toContain('Nothing to save: you have not changed anything in this section.');
      expect(cardText(cardOf((await bot.say(sro, 'my tasks'))[0]))).not.toContain('Drafts you have not submitted');
    });

    it('opening a row and cancelling leaves no draft; a typed change does make one', async () => {
      let card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'governance' }));
      const row = await press(sro, card, 'Edit');
      await press(sro, row, 'Cancel');
      expect(await bot.store.listDrafts(sro, PLAN_ID)).toEqual([]);

      card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'engagement' }));
      await press(sro, card, 'Save draft', { 'f.narrative': 'A real change.' });
      expect((await bot.store.listDrafts(sro, PLAN_ID)).map((d) => d.section)).toEqual(['engagement']);
    });
  });

  describe('the template\'s sections as headings', () => {
    it.each([
      ['sections', 'sections'],
      ['status', 'status'],
    ])('"%s" groups the list under the template\'s parts, keeping the question numbers', async (_name, text) => {
      const card = validCard(cardOf((await bot.say(sro, text))[0]));
      const words = cardText(card);
      const at = PARTS.map((p) => words.indexOf(p));
      expect(at.filter((p) => p < 0)).toEqual([]);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const between = (from: string, to: string) => words.slice(words.indexOf(from), words.indexOf(to));
      expect(between(PARTS[0]!, PARTS[1]!)).toEqual(expect.stringContaining('Signatories'));
      expect(between(PARTS[0]!, PARTS[1]!)).toEqual(expect.stringContaining('Executive summary'));
      expect(between(PARTS[2]!, PARTS[3]!)).toMatch(/Q2 Three-year picture[\s\S]*Q5 Three-year roadmap[\s\S]*Q11 Dependencies/);
      expect(between(PARTS[3]!, PARTS[4]!)).toMatch(/Q12 Monitoring[\s\S]*Q13 Reporting to DfE/);
      expect(between(PARTS[6]!, PARTS[7]!)).toContain('Supporting documents');
      expect(words.slice(words.indexOf(PARTS[7]!))).toContain('Q10');
    });
  });

  it('each "Still needed" line on the status card has an Open for its section', async () => {
    const card = validCard(cardOf((await bot.say(sro, 'status'))[0]));
    const words = cardText(card);
    const needed = words.split('\n').filter((l) => l.startsWith('Still needed:'));
    expect(needed.length).toBeGreaterThan(0);
    const opens = actions(card).filter((a) => a.title === 'Open' && a.data.verb === VERBS.open);
    expect(opens).toHaveLength(needed.length);
    // The Open sits with its section: Q14 governance has gaps in the demo plan.
    const q14 = opens.find((o) => o.data.section === 'governance');
    expect(q14).toBeDefined();
    const opened = validCard(await bot.executeCard(sro, VERBS.open, q14!.data));
    expect(cardText(opened)).toContain('Q14 Governance');
  });

  describe('long values', () => {
    it('row titles in a list are cut at a word, with an ellipsis', async () => {
      const card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'risks' }));
      const plan = (await bot.store.loadPlan(PLAN_ID))!.plan;
      const long = plan.risks.risks.find((r) => (r.description ?? '').length > 120)!;
      expect(long).toBeDefined();
      const title = cardText(card).split('\n').find((l) => l.includes(long.description!.slice(0, 30)))!;
      expect(title.endsWith('…')).toBe(true);
      const cut = title.slice(0, -1).replace(/^\[\w+\] /, '');
      // The cut falls between words: what is shown is whole words of the description.
      expect(long.description!.startsWith(cut)).toBe(true);
      expect(long.description![cut.length]).toMatch(/[\s,.;:–-]/);
    });

    it('someone who may only read opens a row and sees every value whole', async () => {
      const card = validCard(await bot.executeCard(VIEWER, VERBS.open, { verb: VERBS.open, section: 'risks' }));
      const plan = (await bot.store.loadPlan(PLAN_ID))!.plan;
      const long = plan.risks.risks.find((r) => (r.description ?? '').length > 120)!;
      const open = actions(card).find((a) => a.title === 'View' && a.data.rowId === long.id);
      expect(open).toBeDefined();
      const row = validCard(await bot.executeCard(VIEWER, String(open!.data.verb), open!.data));
      const words = cardText(row);
      expect(words).toContain(long.description!);
      expect(words).toContain(long.mitigation!);
      // Choices are read as their titles, not their stored values.
      expect(words).not.toContain('high-medium-low');
      expect(findButton(row, /^Save/)).toBeUndefined();
      expect(await bot.store.listDrafts(VIEWER, PLAN_ID)).toEqual([]);
    });
  });

  it.each(SECTIONS.map((s) => [s.key]))('the %s card never repeats its heading', async (section) => {
    const card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section }));
    const body = (card.body as { text?: string }[]).slice(0, 3).map((b) => b.text).filter(Boolean);
    expect(new Set(body).size).toBe(body.length);
  });

  it('the Signatories card shows "Signatories" once as its heading', async () => {
    const card = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'signatories' }));
    const lines = cardText(card).split('\n');
    expect(lines.filter((l) => l === 'Signatories')).toHaveLength(1);
  });
});

describe('a row saved on a card someone else has since changed', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('shows the typed row back, claims no draft, and offers the latest version', async () => {
    const tableStep = validCard(await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'governance' }));
    const row = validCard(await bot.executeCard(sro, String(button(tableStep, 'Edit').verb), { ...button(tableStep, 'Edit') }));
    // Someone else saves the section meanwhile.
    const before = (await bot.store.loadPlan(PLAN_ID))!;
    const plan = structuredClone(before.plan);
    plan.governance.sroPosition = 'Changed by a colleague.';
    await bot.store.savePlan(PLAN_ID, before.version, plan, { actorId: PLAYGROUND_USERS.lead, summary: 'Sarah changed Q14' });

    const purpose = Object.keys(inputs(row)).find((k) => k.endsWith('purpose'))!;
    const typed = 'A purpose I typed on the old card.';
    const answer = validCard(await bot.executeCard(sro, String(button(row, /^Save/).verb), { ...inputs(row), [purpose]: typed, ...button(row, /^Save/) }));
    const words = cardText(answer);
    expect(words).toContain(typed);
    expect(words).not.toContain('Your changes are in your draft');
    expect(words).toContain('Nothing was saved from that card');
    expect(findButton(answer, 'Keep my draft and check it against the latest')).toBeUndefined();
    expect(button(answer, 'Open the latest version')).toMatchObject({ verb: VERBS.open, section: 'governance' });
  });
});
