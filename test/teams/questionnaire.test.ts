import { compileAnnexA } from '../../src/domain/plan.compile';
import { renderMarkdown } from '../../src/export/markdown.renderer';
import { unescapeMarkdown } from '../support/markdown';
import { VERBS } from '../../src/teams/verbs';
import { checkCard } from '../support/adaptive-card.validate';
import { inputs, button } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const { sro, lead } = PLAYGROUND_USERS;
const VIEWER = 'demo-pat-viewer';
const LOUISA = 'demo-louisa-jones';

describe('filling in the plan through questionnaires', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  /** Press a button: send its data merged with the card's inputs, as Teams does. */
  const press = async (who: string, card: unknown, title: string | RegExp, typed: Record<string, unknown> = {}) => {
    const data = button(card, title);
    const next = await bot.executeCard(who, String(data.verb), { ...inputs(card), ...typed, ...data });
    expect(next).toBeDefined();
    expect(checkCard(next).problems).toEqual([]);
    return next!;
  };

  it.each(['sections', 'show me the plan', "what's missing?"])('"%s" lists every section in Annex A order with its state, owner and an Open button', async (text) => {
    const card = cardOf((await bot.say(sro, text))[0]);
    expect(checkCard(card).problems).toEqual([]);
    const words = cardText(card);
    const order = ['Partnership and SRO', 'Signatories', 'Executive summary', 'Q1 Vision and goals', 'Q10 Risks', 'Q15 Central government support', 'Supporting documents'];
    const at = order.map((l) => words.indexOf(l));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(words).toMatch(/Q14 Governance\n31 of 48 · Assigned to Louisa Jones; Jess Sharma/);
    expect(button(card, 'Open')).toMatchObject({ verb: VERBS.open, section: 'header' });
  });

  it('open, fail validation, fix, submit: the new version shows in status and in the exported plan', async () => {
    const sections = cardOf((await bot.say(sro, 'sections'))[0]);
    let card = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'visionAndGoals' });
    expect(cardText(card)).toContain('Step 1 of 2: Vision');
    expect(inputs(card)['f.vision']).toContain('Shropshire children and young people with SEND');
    expect(sections).toBeDefined();

    // Too long: refused beside the field, with what was typed kept, and nothing saved.
    const tooLong = 'x'.repeat(20_001);
    card = await press(sro, card, 'Next', { 'f.vision': tooLong });
    expect(cardText(card)).toContain('Please put right the answers marked below. Nothing has been saved.');
    expect(cardText(card)).toContain('That is 20,001 characters; the most is 20,000.');
    expect(inputs(card)['f.vision']).toBe(tooLong);
    // Nothing had changed before, so there is still no draft.
    expect(await bot.store.loadDraft(sro, PLAN_ID, 'visionAndGoals')).toBeNull();

    // Fixed: on to the goals step, then submit.
    const vision = 'Every child and young person with SEND in Shropshire is healthy, happy, safe and achieving.';
    card = await press(sro, card, 'Next', { 'f.vision': vision });
    expect(cardText(card)).toContain('Step 2 of 2: Goals');
    expect(cardText(card)).toContain('Improving outcomes for children and young people with SEND (0–25).');
    card = await press(sro, card, 'Submit');
    expect(cardText(card)).toContain('Saved: Q1 Vision and goals');
    expect(cardText(card)).toContain('The plan is now at version 2.');

    const status = cardText(cardOf((await bot.say(sro, 'status'))[0]));
    expect(status).toContain('Version 2, last changed 27 November 2026 by Natasha Moody');
    const markdown = unescapeMarkdown(renderMarkdown(compileAnnexA((await bot.store.loadPlan(PLAN_ID))!.plan)));
    expect(markdown).toContain(vision);
    const audit = await bot.store.listAudit(PLAN_ID, { keyPrefix: 'visionAndGoals', limit: 1 });
    expect(audit[0]).toMatchObject({ actorId: sro, version: 2, action: 'update', summary: 'Natasha Moody updated Vision and goals' });
  });

  it.each<[string, string, Record<string, string>, RegExp]>([
    ['a number that is not a number', 'otherFunding', { 'f.blockTransfer.percentage': 'half a percent' }, /Enter a number/],
    ['an amount that is not money', 'otherFunding', { 'f.blockTransfer.amountPence': 'lots' }, /Enter an amount in pounds/],
    ['a choice that is not offered', 'otherFunding', { 'f.blockTransfer.made': 'maybe' }, /Choose yes or no/],
  ])('refuses %s beside the field', async (_what, section, typed, message) => {
    const card = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section });
    const next = await press(sro, card, 'Save draft', typed);
    expect(cardText(next)).toMatch(message);
    // Nothing is saved, and no draft is started by a refused answer.
    expect(await bot.store.loadDraft(sro, PLAN_ID, section as never)).toBeNull();
  });

  it('keeps a draft that only its author sees, and resumes it after a restart', async () => {
    let card = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'engagement' });
    card = await press(sro, card, 'Save draft', { 'f.narrative': 'Draft words about engagement.' });
    expect(cardText(card)).toContain('Draft saved. Only you can see it until you submit.');
    // Someone else still sees the plan as it is.
    const theirs = await bot.executeCard(lead, VERBS.open, { verb: VERBS.open, section: 'engagement' });
    expect(cardText(theirs)).toContain('The local area partnership has adopted a collaborative');
    // The draft is in the database, so a new bot process resumes it.
    const again = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'engagement' });
    expect(inputs(again)['f.narrative']).toBe('Draft words about engagement.');
    expect(cardText(cardOf((await bot.say(sro, 'my tasks'))[0]))).toContain('Q9 Engagement and co-production');
  });

  it('a stale submit after someone else changed the section is refused with a card showing what changed and my text', async () => {
    let mine = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'deliveryCapacity' });
    mine = await press(sro, mine, 'Save draft', { 'f.narrative': 'My rewrite of how we deliver year one.' });
    // Meanwhile a colleague's change to Q7 is saved.
    const before = await bot.store.loadPlan(PLAN_ID);
    const plan = structuredClone(before!.plan);
    plan.deliveryCapacity.narrative = 'Colleague’s update to the delivery narrative.';
    await bot.store.savePlan(PLAN_ID, before!.version, plan, { actorId: lead, summary: 'Sarah updated Q7' });

    const refused = await press(sro, mine, 'Submit');
    const words = cardText(refused);
    expect(words).toContain('Someone else changed Q7 Delivering the first year while you were working on it');
    expect(words).toContain('Sarah Court, 27 November 2026 (version 2)');
    expect(words).toContain('Narrative: now Colleague’s update to the delivery narrative.');
    expect(words).toContain('My rewrite of how we deliver year one.');
    expect((await bot.store.loadPlan(PLAN_ID))?.plan.deliveryCapacity.narrative).toBe('Colleague’s update to the delivery narrative.');

    // Choosing to keep the draft rebases it; submitting then is a deliberate replacement.
    const rebased = await press(sro, refused, /Keep my draft/);
    expect(cardText(rebased)).toContain('Your draft now builds on version 2.');
    const saved = await press(sro, rebased, 'Submit');
    expect(cardText(saved)).toContain('The plan is now at version 3.');
    expect((await bot.store.loadPlan(PLAN_ID))?.plan.deliveryCapacity.narrative).toBe('My rewrite of how we deliver year one.');
  });

  it('an out-of-date card changes nothing, and keeps what was typed on it', async () => {
    // The card is opened at version 1, with no draft behind it.
    const old = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'engagement' });
    const before = await bot.store.loadPlan(PLAN_ID);
    const plan = structuredClone(before!.plan);
    plan.engagement.narrative = 'changed elsewhere';
    await bot.store.savePlan(PLAN_ID, before!.version, plan, { actorId: lead, summary: 'Sarah changed Q9' });
    const refused = await press(sro, old, 'Submit', { 'f.narrative': 'typed on an old card' });
    expect(cardText(refused)).toContain('Someone else changed');
    expect(cardText(refused)).toContain('typed on an old card');
    expect((await bot.store.loadPlan(PLAN_ID))?.plan.engagement.narrative).toBe('changed elsewhere');
  });

  it('a card older than the person’s own draft changes nothing', async () => {
    const card = await press(sro, await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'engagement' }), 'Save draft', { 'f.narrative': 'My draft' });
    const before = await bot.store.loadPlan(PLAN_ID);
    const plan = structuredClone(before!.plan);
    plan.engagement.narrative = 'changed elsewhere';
    await bot.store.savePlan(PLAN_ID, before!.version, plan, { actorId: lead, summary: 'Sarah changed Q9' });
    // Seeing the conflict, the person keeps their draft: it now builds on version 2.
    await press(sro, await press(sro, card, 'Submit'), /Keep my draft/);
    // A button pressed on the card from version 1 must not touch that draft.
    const stale = await press(sro, card, 'Save draft', { 'f.narrative': 'From the old card' });
    expect(cardText(stale)).toContain('That card was out of date, so nothing was saved from it.');
    expect((await bot.store.loadDraft(sro, PLAN_ID, 'engagement'))?.content).toEqual({ narrative: 'My draft' });
  });

  it('a viewer sees the section read-only and cannot change it, even with a forged card', async () => {
    const card = await bot.executeCard(VIEWER, VERBS.open, { verb: VERBS.open, section: 'executiveSummary' });
    expect(cardText(card)).toContain('You can read this section; your role does not let you change it.');
    expect(Object.keys(inputs(card))).toEqual([]);
    expect(() => button(card, 'Submit')).toThrow();
    const forged = await bot.executeCard(VIEWER, VERBS.submit, { verb: VERBS.submit, section: 'executiveSummary', step: 0, baseVersion: 1, 'f.changeStory': 'Hijacked' });
    expect(cardText(forged)).toContain("Your role doesn't allow that");
    expect((await bot.store.loadPlan(PLAN_ID))?.version).toBe(1);
  });

  it.each([
    ['an unknown section', { section: 'q99', step: 0, baseVersion: 1 }],
    ['a step that does not exist', { section: 'header', step: 7, baseVersion: 1 }],
    ['a version from the future', { section: 'header', step: 0, baseVersion: 99 }],
    ['a row id with markup', { section: 'risks', step: 0, baseVersion: 1, rowId: '<script>' }],
  ])('tampered card data (%s) gets an error card and changes nothing', async (_what, data) => {
    const verb = 'rowId' in data ? VERBS.rowRemove : VERBS.submit;
    const card = await bot.executeCard(sro, verb, { verb, ...data });
    expect(cardText(card)).toMatch(/isn't right|did not recognise|does not exist/);
    expect((await bot.store.loadPlan(PLAN_ID))?.version).toBe(1);
    expect(await bot.store.listDrafts(sro, PLAN_ID)).toEqual([]);
  });

  it('adds, edits and removes table rows in the draft, then submits them', async () => {
    // The reference plan's risks have no owner, so the SRO edits and removes them (issue 10 #5).
    let card = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'risks' });
    expect(cardText(card)).toContain('[Red] Uneven implementation of ordinarily available inclusive practice');
    // Add a risk; a missing description is refused on the row card.
    let row = await press(sro, card, 'Add a risk');
    row = await press(sro, row, 'Save risk', { 'f.description': '' });
    expect(cardText(row)).toContain('This one is needed.');
    // The card offers no RAG: one typed into a forged input is ignored, and the matrix decides (Amber) on submit.
    expect(inputs(row)).not.toHaveProperty('f.rag');
    // A level of the other scale is refused beside the field when the row is saved, not on submit.
    const mixed = await press(sro, row, 'Save risk', { 'f.description': 'Recruitment of EPs slips into 2027.', 'f.impact': 'Critical', 'f.likelihood': 'Medium', 'f.headline': 'no' });
    expect(cardText(mixed)).toContain('On the High / Medium / Low scale, impact is one of Low, Medium, High.');
    card = await press(sro, row, 'Save risk', { 'f.description': 'Recruitment of EPs slips into 2027.', 'f.impact': 'High', 'f.likelihood': 'Medium', 'f.rag': 'Green', 'f.headline': 'no' });
    expect(cardText(card)).toContain('Added Recruitment of EPs slips into 2027.');
    // Edit the first risk's residual RAG.
    row = await press(sro, card, 'Edit');
    expect(inputs(row)['f.residualRag']).toBe('Amber');
    card = await press(sro, row, 'Save risk', { 'f.residualRag': 'Green' });
    // Remove the last headline risk.
    const removeLast = (() => {
      const buttons: Record<string, unknown>[] = [];
      const walk = (n: unknown) => {
        if (Array.isArray(n)) n.forEach(walk);
        else if (n && typeof n === 'object') {
          const o = n as Record<string, unknown>;
          if (o.type === 'Action.Execute' && o.title === 'Remove') buttons.push(o.data as Record<string, unknown>);
          Object.values(o).forEach(walk);
        }
      };
      walk(card);
      return buttons.find((b) => b.rowId === 'risk-engagement-reach')!;
    })();
    card = (await bot.executeCard(sro, VERBS.rowRemove, removeLast))!;
    expect(cardText(card)).toContain('Removed');
    const saved = await press(sro, card, 'Submit');
    expect(cardText(saved)).toContain('Saved: Q10 Risks');
    const risks = (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks;
    expect(risks.map((r) => r.id)).not.toContain('risk-engagement-reach');
    expect(risks[0]?.residualRag).toBe('Green');
    expect(risks.find((r) => r.description === 'Recruitment of EPs slips into 2027.')).toMatchObject({ rag: 'Amber', headline: false });
  });

  it('keeps milestone ids when a lead rewrites a quarter’s milestones', async () => {
    const card = await bot.executeCard(lead, VERBS.open, { verb: VERBS.open, section: 'deliveryPlan', step: 1 });
    const row = await bot.executeCard(lead, VERBS.rowOpen, { ...button(card, 'Edit'), ...{} });
    expect(inputs(row)['f.quarters.Q2.milestones']).toContain('Confirm EAHO and APST operating model');
    const edited = String(inputs(row)['f.quarters.Q2.milestones']).replace('Confirm EAHO', 'Confirmed EAHO') + '\nPublish the service standards';
    const back = await press(lead, row, 'Save workstream', { 'f.quarters.Q2.milestones': edited });
    await press(lead, back, 'Submit');
    const q2 = (await bot.store.loadPlan(PLAN_ID))!.plan.deliveryPlan.workstreams[0]!.quarters.Q2.milestones;
    expect(q2.slice(0, 3).map((m) => m.id)).toEqual(['ws-1a-q2-m1', 'ws-1a-q2-m2', 'ws-1a-q2-m3']);
    expect(q2[0]?.text).toMatch(/^Confirmed EAHO/);
    expect(q2).toHaveLength(4);
  });
});

describe('ownership: assigning sections and my tasks', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('the demo starts with the two open Word comments as tasks for the people they asked', async () => {
    const louisa = cardText(cardOf((await bot.say(LOUISA, 'my tasks'))[0]));
    expect(louisa).toContain('Q14 Governance');
    expect(louisa).toContain('Natasha Moody asked: “@Louisa Jones I think you have the ToR for this group if so can you help please?”');
    const jess = cardText(cardOf((await bot.say('00000000-0000-0000-0000-0000000000024', 'my tasks'))[0]));
    expect(jess).toContain('@Jessica Sharma can you add in the details from the Joint Group please');
  });

  it('an assignee may edit their section; submitting closes the task and resolves the comment', async () => {
    const card = await bot.executeCard(LOUISA, VERBS.open, { verb: VERBS.open, section: 'governance' });
    const row = await bot.executeCard(LOUISA, VERBS.rowOpen, { verb: VERBS.rowOpen, section: 'governance', step: 0, baseVersion: 1, rowId: 'health-and-wellbeing-board' });
    expect(cardText(card)).toContain('Assigned to Louisa Jones; Jess Sharma');
    const back = await bot.executeCard(LOUISA, VERBS.rowSave, {
      ...inputs(row),
      'f.membership': 'Co-Chairs – ICB/Portfolio Holder for Health.\nVCSE, Partners in Care, RJAH, STWCH, MPFT, West Mercia Police, WMAS, Parent Carer Forum (PACC).',
      verb: VERBS.rowSave,
      section: 'governance',
      step: 0,
      baseVersion: 1,
      rowId: 'health-and-wellbeing-board',
      isNew: false,
    });
    const saved = await bot.executeCard(LOUISA, VERBS.submit, { ...button(back, 'Submit') });
    expect(cardText(saved)).toContain('Your task for this section is marked done.');
    const plan = (await bot.store.loadPlan(PLAN_ID))!.plan;
    expect(plan.reviewComments.find((c) => c.id === 'nm1')?.status).toBe('resolved');
    expect(plan.reviewComments.find((c) => c.id === 'nm2')?.status).toBe('open');
    expect(cardText(cardOf((await bot.say(LOUISA, 'my tasks'))[0]))).toContain('Nothing is assigned to you');
  });

  it('the SRO assigns a section with a due date; the assignee gets a card in their own chat', async () => {
    await bot.say(lead, 'hello'); // Sarah has talked to the bot, so it can reach her.
    const form = await bot.executeCard(sro, VERBS.assignForm, { verb: VERBS.assignForm, section: 'monitoring' });
    const done = await bot.executeCard(sro, VERBS.assign, { verb: VERBS.assign, section: 'monitoring', assignee: lead, dueDate: '2026-12-18', note: 'Add the Q3 KPI baseline, please.' });
    expect(cardText(form)).toContain('Assign Q12 Monitoring');
    expect(cardText(done)).toContain('Q12 Monitoring is assigned to Sarah Court, due 18 December 2026');
    expect(bot.proactive).toHaveLength(1);
    expect(bot.proactive[0]?.conversationId).toBe(`chat-${lead}`);
    const sent = cardText(cardOf(bot.proactive[0]?.activity));
    expect(sent).toContain('Natasha Moody has asked you to fill in Q12 Monitoring');
    expect(sent).toContain('Due 18 December 2026');
    const tasks = cardText(cardOf((await bot.say(lead, 'my tasks'))[0]));
    expect(tasks).toContain('Q12 Monitoring');
    // Sarah could not edit Q12 before; now she can.
    const open = await bot.executeCard(lead, VERBS.open, { verb: VERBS.open, section: 'monitoring' });
    expect(cardText(open)).not.toContain('your role does not let you change it');
  });

  it('tells the SRO when the assignee has never talked to the bot', async () => {
    const done = await bot.executeCard(sro, VERBS.assign, { verb: VERBS.assign, section: 'risks', assignee: 'demo-david-shaw', dueDate: '2026-12-18' });
    expect(cardText(done)).toContain('Teams would not deliver my message to David Shaw: they are not a member of the partnership’s team in Teams and have never opened the bot');
    expect(bot.proactive).toHaveLength(0);
  });

  it.each([
    ['no one chosen', { assignee: '', dueDate: '2026-12-18' }, /Choose someone/],
    ['someone not on the roster', { assignee: 'intruder', dueDate: '2026-12-18' }, /Choose someone/],
    ['no due date', { assignee: PLAYGROUND_USERS.lead, dueDate: '' }, /Choose the date/],
    ['a date in the past', { assignee: PLAYGROUND_USERS.lead, dueDate: '2026-01-01' }, /in the past/],
  ])('refuses an assignment with %s, on the same form', async (_what, typed, message) => {
    const card = await bot.executeCard(sro, VERBS.assign, { verb: VERBS.assign, section: 'risks', ...typed });
    expect(cardText(card)).toMatch(message);
    expect(await bot.store.listAssignments({ planId: PLAN_ID, section: 'risks' })).toEqual([]);
  });

  it('only the SRO may assign', async () => {
    const card = await bot.executeCard(lead, VERBS.assign, { verb: VERBS.assign, section: 'risks', assignee: lead, dueDate: '2026-12-18' });
    expect(cardText(card)).toContain("Your role doesn't allow that");
  });
});

describe('readiness in Teams', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('check shows the rules and the 41 requirements by group; the SRO marks where one is addressed', async () => {
    const check = cardOf((await bot.say(sro, 'check'))[0]);
    expect(checkCard(check).problems).toEqual([]);
    const words = cardText(check);
    expect(words).toContain('✗ Governance membership includes health and Parent Carer Forum representation');
    expect(words).toContain('✓ All five required signatories are named');
    expect(words).toContain('0 met, 0 partly met, 0 not met, 41 not assessed yet');
    expect(words).toContain('Experts at Hand offer\n0 of 11 met');

    const group = await bot.executeCard(sro, VERBS.group, { verb: VERBS.group, group: 'mediation' });
    expect(cardText(group)).toContain('A description of local mediation and dispute resolution arrangements');
    const form = await bot.executeCard(sro, VERBS.requirementForm, { verb: VERBS.requirementForm, requirement: 'mediation-1' });
    const saved = await bot.executeCard(sro, VERBS.requirementSave, {
      ...inputs(form),
      verb: VERBS.requirementSave,
      requirement: 'mediation-1',
      baseVersion: 1,
      status: 'partly-met',
      addressedIn: 'threeYearPicture,engagement',
      note: 'Mediation figures in the blueprint; voices of CYP still to add.',
    });
    expect(cardText(saved)).toContain('Saved mediation-1.');
    expect(cardText(saved)).toContain('Partly met\nAddressed in Q2 Three-year picture, Q9 Engagement and co-production');
    const plan = (await bot.store.loadPlan(PLAN_ID))!.plan;
    expect(plan.requirements.find((r) => r.id === 'mediation-1')).toEqual({
      id: 'mediation-1',
      status: 'partly-met',
      addressedIn: ['threeYearPicture', 'engagement'],
      note: 'Mediation figures in the blueprint; voices of CYP still to add.',
    });
  });

  it('someone other than the SRO can read readiness but not mark it', async () => {
    const group = await bot.executeCard(lead, VERBS.group, { verb: VERBS.group, group: 'mediation' });
    expect(() => button(group, 'Update')).toThrow();
    const forged = await bot.executeCard(lead, VERBS.requirementSave, { verb: VERBS.requirementSave, requirement: 'mediation-1', baseVersion: 1, status: 'met' });
    expect(cardText(forged)).toContain("Your role doesn't allow that");
  });
});
