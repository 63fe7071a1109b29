import { demoPlan } from '../../src/demo/demo-plan';
import { isDomainError } from '../../src/domain/errors';
import type { Plan } from '../../src/domain/plan.schema';
import { buildQuarterlyReport } from '../../src/domain/quarterly-report';
import { parseQuarter } from '../../src/domain/quarters';
import type { StoredUpdate } from '../../src/domain/workstream-update.schema';
import { MAX_CARD_BYTES } from '../../src/teams/cards';
import { reportCard } from '../../src/teams/views/report.view';
import { VERBS } from '../../src/teams/verbs';
import { checkCard } from '../support/adaptive-card.validate';
import { inputs } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

type Node = Record<string, unknown>;
const walk = (node: unknown, visit: (n: Node) => void): void => {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
};
const hiddenContainers = (card: unknown): Node[] => {
  const out: Node[] = [];
  walk(card, (n) => n.type === 'Container' && n.isVisible === false && out.push(n));
  return out;
};
const toggleActions = (card: unknown): { title: string; targetElements: string[] }[] => {
  const out: { title: string; targetElements: string[] }[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.ToggleVisibility') out.push({ title: String(n.title), targetElements: (n.targetElements as unknown[]).map((t) => (typeof t === 'string' ? t : String((t as Node).elementId))) });
  });
  return out;
};
const elementIds = (card: unknown): string[] => {
  const out: string[] = [];
  walk(card, (n) => typeof n.id === 'string' && typeof n.type === 'string' && !n.type.startsWith('Input.') && out.push(n.id));
  return out;
};

const SARAH = PLAYGROUND_USERS.lead; // leads 1a and 1
const ANNIE = '00000000-0000-0000-0000-0000000000025'; // leads 3
const { sro } = PLAYGROUND_USERS;
const PCF = PLAYGROUND_USERS.pcf;

describe('quarterly workstream updates', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness(); // the clock says 27 November 2026: quarter 2026-Q3
  });
  afterEach(async () => {
    await bot.close();
  });

  const post = async (who: string, workstream: string, quarter: string, values: Record<string, unknown>) => {
    const form = await bot.executeCard(who, VERBS.updateShow, { verb: VERBS.updateShow, workstream, quarter });
    const card = await bot.executeCard(who, VERBS.updatePost, { ...inputs(form), ...values, verb: VERBS.updatePost, workstream, quarter });
    expect(checkCard(card).problems).toEqual([]);
    return card!;
  };

  it('a lead with one workstream gets its current-quarter form straight away, milestones from the plan', async () => {
    const card = cardOf((await bot.say(ANNIE, 'update'))[0]);
    expect(checkCard(card).problems).toEqual([]);
    const words = cardText(card);
    expect(words).toContain('Q3 (Oct–Dec 2026) update: Workstream 3');
    expect(words).toContain('Shift from "project mode" to controlled BAU; quality holds at good+ with 100% QA.');
    expect(words).toContain('Target trajectory: 20 week timescale: 50%');
  });

  it('"post my Q4 update" opens the named quarter; a lead of two workstreams chooses one', async () => {
    const q4 = cardText(cardOf((await bot.say(ANNIE, 'post my Q4 update'))[0]));
    expect(q4).toContain('Q4 (Jan–Mar 2027) update');
    const choice = cardText(cardOf((await bot.say(SARAH, 'update'))[0]));
    expect(choice).toContain('Workstream 1a: Experts at Hand Offer (EAHO) – Year 1 implementation');
    expect(choice).toContain('Workstream 1: Inclusive Practice');
  });

  it('a lead posts a Q3 update and sees it in the report', async () => {
    const posted = await post(ANNIE, 'ws-3', '2026-Q3', {
      'status.ws-3-q3-m1': 'at-risk',
      'note.ws-3-q3-m1': 'Two case officers off sick.',
      actual: '20 week timescale: 46%',
      narrative: 'Aged cases cleared; BAU handover under way.',
      supportNeeded: 'Agency cover for six weeks.',
    });
    expect(cardText(posted)).toContain('Posted: update 1 for Q3 (Oct–Dec 2026)');
    const report = cardOf((await bot.say(ANNIE, 'report'))[0]);
    expect(checkCard(report).problems).toEqual([]);
    const words = cardText(report);
    expect(words).toContain('Highlight report: Quarter 3 of 2026-27 (October to December 2026)');
    expect(words).toContain('1 of 4 workstreams have reported.');
    expect(words).toMatch(/Workstream 3: EHCP Timeliness\n0 green\n1 amber\n0 red\n0 not rated\nTarget: 20 week timescale: 50% · Actual: 20 week timescale: 46%/);
    expect(words).toContain('Support needed: Agency cover for six weeks.');
    expect(words).toContain('Workstream 1a: Experts at Hand Offer (EAHO) – Year 1 implementation (Sarah Court)');
  });

  it('the report card shows each milestone’s status and note and the lead’s progress, under its workstream', async () => {
    await post(ANNIE, 'ws-3', '2026-Q3', {
      'status.ws-3-q3-m1': 'at-risk',
      'note.ws-3-q3-m1': 'Two case officers off sick.',
      narrative: 'Aged cases cleared; BAU handover under way.',
      blockers: 'Recruitment freeze.',
    });
    const card = cardOf((await bot.say(sro, 'report'))[0]);
    expect(checkCard(card).problems).toEqual([]);
    const words = cardText(card);
    const ws3 = words.slice(words.indexOf('Workstream 3: EHCP Timeliness'), words.indexOf('Risks this quarter'));
    expect(ws3).toContain('Posted 27 November 2026 by Annie Williams (update 1)');
    expect(ws3).toMatch(/Shift from "project mode" to controlled BAU; quality holds at good\+ with 100% QA\.\nAt risk \(Amber\)\nTwo case officers off sick\./);
    expect(ws3).toContain('Progress: Aged cases cleared; BAU handover under way.');
    expect(ws3).toContain('Blockers: Recruitment freeze.');
    // Short enough to read in place: nothing hidden behind a button.
    expect(hiddenContainers(card)).toEqual([]);
    const ws2 = words.slice(words.indexOf('Workstream 2:'), words.indexOf('Workstream 3:'));
    expect(ws2).toContain('No update posted yet.');
  });

  it('a long workstream part folds away behind "Show milestones and progress", and opens in place', async () => {
    const long = 'We recruited two specialist teachers and rolled the offer out to the second locality. '.repeat(6).trim();
    await post(SARAH, 'ws-1', '2026-Q3', {
      'status.ws-1-q3-m1': 'complete',
      'status.ws-1-q3-m2': 'on-track',
      'note.ws-1-q3-m2': 'Training booked for January.',
      'status.ws-1-q3-m3': 'off-track',
      'note.ws-1-q3-m3': 'Capital bid refused.',
      narrative: long,
    });
    await post(ANNIE, 'ws-3', '2026-Q3', { 'status.ws-3-q3-m1': 'on-track' });
    const card = cardOf((await bot.say(sro, 'report'))[0]);
    expect(checkCard(card).problems).toEqual([]);
    const hidden = hiddenContainers(card);
    expect(hidden).toHaveLength(1);
    const folded = cardText(hidden[0]);
    expect(folded).toContain('Off track (Red)\nCapital bid refused.');
    expect(folded).toContain('On track (Green)\nTraining booked for January.');
    expect(folded).toContain(`Progress: ${long}`);
    // The button names what it opens, and shows the folded part and its own "Hide" twin.
    const toggles = toggleActions(card);
    const show = toggles.find((t) => t.title === 'Show milestones and progress for Workstream 1');
    expect(show?.targetElements).toContain(hidden[0]!.id);
    expect(toggles.find((t) => t.title === 'Hide milestones and progress for Workstream 1')?.targetElements).toContain(hidden[0]!.id);
    const ids = elementIds(card);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of toggles) for (const target of t.targetElements) expect(ids).toContain(target);
    // What the SRO most needs stays in sight: counts, trajectory and blockers are outside the fold.
    const words = cardText(card);
    expect(words).toMatch(/Workstream 1: Inclusive Practice\n2 green\n0 amber\n1 red\n0 not rated/);
    // Workstream 3 is short: shown in place.
    expect(words).toMatch(/Workstream 3: EHCP Timeliness[\s\S]*On track \(Green\)/);
  });

  it('someone who is not the lead or a delegate is refused, and nothing is posted', async () => {
    const card = await bot.executeCard(SARAH, VERBS.updatePost, { verb: VERBS.updatePost, workstream: 'ws-3', quarter: '2026-Q3', 'status.ws-3-q3-m1': 'complete' });
    expect(cardText(card)).toContain('Only the lead of workstream 3');
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toEqual([]);
    const sroTries = await bot.executeCard(sro, VERBS.updateShow, { verb: VERBS.updateShow, workstream: 'ws-3' });
    expect(cardText(sroTries)).toContain("Your role doesn't allow that");
  });

  it('a delegate named by the lead can post', async () => {
    await bot.executeCard(ANNIE, VERBS.delegate, { verb: VERBS.delegate, workstream: 'ws-3', 'f.delegate': PCF });
    const posted = await post(PCF, 'ws-3', '2026-Q3', { 'status.ws-3-q3-m1': 'on-track' });
    expect(cardText(posted)).toContain('Posted: update 1');
    const forged = await bot.executeCard(PCF, VERBS.delegate, { verb: VERBS.delegate, workstream: 'ws-1', 'f.delegate': PCF });
    expect(cardText(forged)).toContain("Your role doesn't allow that");
  });

  it('"no change" carries the previous values forward, and the earlier post stays readable', async () => {
    await post(ANNIE, 'ws-3', '2026-Q3', { 'status.ws-3-q3-m1': 'at-risk', 'rag.ws-3-q3-m1': 'Red', 'note.ws-3-q3-m1': 'Backlog spike in October.' });
    bot.clock.advance(7 * 24 * 3600 * 1000);
    const form = await bot.executeCard(ANNIE, VERBS.updateShow, { verb: VERBS.updateShow, workstream: 'ws-3', quarter: '2026-Q3' });
    expect(cardText(form)).toContain('Last reported: At risk (Red) – Backlog spike in October.');
    // Ticking "no change" wins over whatever the inputs say.
    await bot.executeCard(ANNIE, VERBS.updatePost, {
      ...inputs(form),
      'same.ws-3-q3-m1': 'true',
      'status.ws-3-q3-m1': 'complete',
      verb: VERBS.updatePost,
      workstream: 'ws-3',
      quarter: '2026-Q3',
    });
    const posts = await bot.store.listUpdates({ planId: PLAN_ID, workstreamId: 'ws-3' });
    expect(posts.map((p) => [p.sequence, p.milestones[0]])).toEqual([
      [1, { milestoneId: 'ws-3-q3-m1', status: 'at-risk', rag: 'Red', note: 'Backlog spike in October.' }],
      [2, { milestoneId: 'ws-3-q3-m1', status: 'at-risk', rag: 'Red', note: 'Backlog spike in October.' }],
    ]);
    const history = cardText(await bot.executeCard(ANNIE, VERBS.updateHistory, { verb: VERBS.updateHistory, workstream: 'ws-3' }));
    expect(history).toMatch(/2026-Q3 update 2, posted 4 December 2026 by Annie Williams[\s\S]*2026-Q3 update 1, posted 27 November 2026/);
  });

  it('"no change" with nothing before it is refused beside the milestone', async () => {
    const card = await post(ANNIE, 'ws-3', '2026-Q3', { 'same.ws-3-q3-m1': 'true' });
    expect(cardText(card)).toContain('There is no earlier update for this milestone to carry forward');
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toEqual([]);
  });

  it.each([
    ['an unknown status', { 'status.ws-3-q3-m1': 'fine' }, /Choose a status/],
    ['a RAG that is not one', { 'status.ws-3-q3-m1': 'on-track', 'rag.ws-3-q3-m1': 'Blue' }, /Choose Red, Amber or Green/],
    ['an oversized narrative', { 'status.ws-3-q3-m1': 'on-track', narrative: 'x'.repeat(2001) }, /Too long/],
  ])('refuses %s and keeps what was typed', async (_what, values, message) => {
    const card = await post(ANNIE, 'ws-3', '2026-Q3', values);
    expect(cardText(card)).toMatch(message);
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toEqual([]);
  });

  it('a reminder reaches the lead in their own chat with a button to post', async () => {
    await bot.say(ANNIE, 'hello');
    await bot.notifier.notify(ANNIE, {
      kind: 'update-reminder',
      stage: 'overdue',
      quarterLabel: 'Q3 (Oct–Dec 2026)',
      quarterId: '2026-Q3',
      deadline: '2027-01-07',
      workstreams: [{ id: 'ws-3', name: 'Workstream 3: EHCP Timeliness' }],
    });
    const card = cardOf(bot.proactive[0]?.activity);
    expect(checkCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('Your Q3 (Oct–Dec 2026) update is overdue');
    expect(cardText(card)).toContain('It was due by 7 January 2027.');
    expect(cardText(card)).toContain('Post the update for Workstream 3');
  });

  // The 2026-27 plan's Q2 milestones belong to 2026-Q2 only: another year's Q2 has none.
  const q2Milestone = demoPlan().deliveryPlan.workstreams.find((w) => w.id === 'ws-3')!.quarters.Q2.milestones[0]!.text;

  it('the report for a quarter outside the plan year says it has no milestones, and shows none of the plan’s', async () => {
    const card = await bot.executeCard(sro, VERBS.report, { verb: VERBS.report, quarter: '2030-Q2' });
    expect(checkCard(card).problems).toEqual([]);
    const words = cardText(card);
    expect(words).toContain('Highlight report: Quarter 2 of 2030-31 (July to September 2030)');
    expect(words).toContain('Quarter 2 of 2030-31 (July to September 2030) is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.');
    expect(words).toContain('None expected: the plan has no milestones for this quarter.');
    expect(words).not.toContain(q2Milestone);
    expect(words).not.toMatch(/not rated|Target:/);
    const inPlan = cardText(await bot.executeCard(sro, VERBS.report, { verb: VERBS.report, quarter: '2026-Q2' }));
    expect(inPlan).toContain('0 of 4 workstreams have reported.');
    expect(inPlan).not.toContain('outside');
  });

  it.each(['2030-Q2', '2027-Q3', '2026-Q1'])('an update for %s is refused in words, and nothing is written', async (quarter) => {
    const shown = cardText(await bot.executeCard(ANNIE, VERBS.updateShow, { verb: VERBS.updateShow, workstream: 'ws-3', quarter }));
    expect(shown).toContain('No update is due for that quarter');
    expect(shown).toContain('There is no update to post for it.');
    const posted = cardText(await bot.executeCard(ANNIE, VERBS.updatePost, { verb: VERBS.updatePost, workstream: 'ws-3', quarter, 'status.ws-3-q2-m1': 'complete', narrative: 'Done.' }));
    expect(posted).toContain('No update is due for that quarter');
    expect(posted).toContain('Nothing has been posted.');
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toEqual([]);
    const lead = (await bot.store.findPerson(ANNIE))!;
    const refused = await bot.services.updates.post(lead, 'ws-3', quarter, { 'status.ws-3-q2-m1': 'complete' }, 'req-out-of-plan').catch((e: unknown) => e);
    expect(isDomainError(refused, 'UPDATE.QUARTER_NOT_IN_PLAN')).toBe(true);
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toEqual([]);
  });

  it('a lead of two workstreams is told there is nothing to post, not offered buttons that fail', async () => {
    bot.clock.advance(Date.parse('2027-08-10T09:00:00Z') - bot.clock.now().getTime());
    const card = cardText(cardOf((await bot.say(SARAH, 'update'))[0]));
    expect(card).toContain('No update is due for that quarter');
    expect(card).toContain('Quarter 2 of 2027-28 (July to September 2027) is outside the 2026-27 plan’s delivery year');
    expect(card).not.toContain('Post update');
  });

  it('a retried post is stored once', async () => {
    const form = await bot.executeCard(ANNIE, VERBS.updateShow, { verb: VERBS.updateShow, workstream: 'ws-3', quarter: '2026-Q3' });
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'same-activity',
      value: { action: { type: 'Action.Execute', verb: VERBS.updatePost, data: { ...inputs(form), 'status.ws-3-q3-m1': 'on-track', verb: VERBS.updatePost, workstream: 'ws-3', quarter: '2026-Q3' } } },
    };
    await bot.send(ANNIE, activity);
    await bot.send(ANNIE, activity);
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toHaveLength(1);
  });

  it('a post retried after a later one is answered as kept, with the form as it is now', async () => {
    const data = (note: string) => ({ 'status.ws-3-q3-m1': 'on-track', 'note.ws-3-q3-m1': note, verb: VERBS.updatePost, workstream: 'ws-3', quarter: '2026-Q3' });
    const activity = { type: 'invoke', name: 'adaptiveCard/action', id: 'first-activity', value: { action: { type: 'Action.Execute', verb: VERBS.updatePost, data: data('First note.') } } };
    const invokeText = (replies: Awaited<ReturnType<typeof bot.send>>) => cardText((replies.find((r) => r.type === 'invokeResponse')?.value as { body: { value: unknown } }).body.value);
    const first = invokeText(await bot.send(ANNIE, activity));
    expect(first).toContain('Posted: update 1');
    expect(first).toContain('Last reported: On track (Green) – First note.');
    expect(cardText(await bot.executeCard(ANNIE, VERBS.updatePost, data('Second note.')))).toContain('Posted: update 2');
    const retried = invokeText(await bot.send(ANNIE, activity));
    expect(retried).toContain('Posted: update 1');
    // The form after it is read afresh: the milestone's last report is the second post's.
    expect(retried).toContain('Last reported: On track (Green) – Second note.');
    expect(await bot.store.listUpdates({ planId: PLAN_ID })).toHaveLength(2);
  });
});

describe('risk register', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  // A change names the version its card was opened at, as the register's own forms do.
  const version = async () => (await bot.store.loadPlan(PLAN_ID))!.version;
  const save = async (who: string, mode: string, risk: string | undefined, fields: Record<string, string>) =>
    bot.executeCard(who, VERBS.riskSave, { verb: VERBS.riskSave, mode, ...(risk ? { risk, baseVersion: await version() } : {}), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`f.${k}`, v])) });

  it('shows the five headline risks and the rest of the log', async () => {
    const card = cardOf((await bot.say(SARAH, 'risks'))[0]);
    expect(checkCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('Headline risks (5 of 5)');
    expect(cardText(card)).toContain('NHS reforms / ICB change');
  });

  it.each([
    // The reference plan's own scale and ratings.
    ['High', 'High', 'Red'],
    ['High', 'Medium', 'Amber'],
    ['Medium', 'Medium', 'Amber'],
    ['Low', 'Medium', 'Green'],
    ['Medium', 'Low', 'Green'],
  ])('High/Medium/Low: re-scoring to impact %s, likelihood %s gives %s', async (impact, likelihood, rag) => {
    // The reference plan's risks have no owner yet, so the SRO re-scores them (issue 10 #5).
    await save(sro, 'rescore', 'risk-oaip', { impact, likelihood });
    expect((await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks[0]).toMatchObject({ impact, likelihood, rag });
  });

  it.each([
    ['Crisis', 'Likely', 'Red'],
    ['Moderate', 'Possible', 'Amber'],
    ['Marginal', 'Unlikely', 'Green'],
    ['Negligible', 'Very Likely', 'Amber'],
  ])('Annex C: a risk scored %s × %s is %s', async (impact, likelihood, rag) => {
    // Room for one more headline risk first.
    await save(sro, 'close', 'risk-engagement-reach', { reason: 'CYP Forum launched and reaching seldom-heard groups.' });
    const card = await save(sro, 'add', undefined, { description: 'Capital programme slips a year.', scale: 'annex-c', impact, likelihood, headline: 'yes' });
    expect(cardText(card)).toContain('Saved.');
    const added = (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.find((r) => r.description === 'Capital programme slips a year.');
    expect(added).toMatchObject({ scale: 'annex-c', impact, likelihood, rag, headline: true, status: 'open' });
  });

  it('refuses an impact the scale does not have', async () => {
    const card = await save(sro, 'rescore', 'risk-oaip', { impact: 'Crisis', likelihood: 'High' });
    expect(cardText(card)).toContain('Impact must be one of Low, Medium, High');
    expect((await bot.store.loadPlan(PLAN_ID))!.version).toBe(1);
  });

  it('refuses a sixth headline risk with a clear message, and keeps it out of the plan', async () => {
    const card = await save(SARAH, 'add', undefined, { description: 'Sixth risk.', scale: 'high-medium-low', impact: 'High', likelihood: 'Low', headline: 'yes' });
    expect(cardText(card)).toContain('The plan can show at most 5 headline risks, and it would have 6.');
    expect((await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks).toHaveLength(5);
    const kept = await save(SARAH, 'add', undefined, { description: 'Sixth risk.', scale: 'high-medium-low', impact: 'High', likelihood: 'Low', headline: 'no' });
    expect(cardText(kept)).toContain('Full risk log');
    expect(cardText(kept)).toContain('Sixth risk.');
  });

  it('closes a risk with a reason, refuses one without, and keeps every version in its history', async () => {
    const noReason = await save(sro, 'close', 'risk-local-capacity', { reason: '' });
    expect(cardText(noReason)).toContain('The reason for closing it is needed.');
    await save(sro, 'change', 'risk-local-capacity', { mitigation: 'Quick wins delivered.', residualRag: 'Green', headline: 'yes' });
    await save(sro, 'close', 'risk-local-capacity', { reason: 'Inclusion bases open in all localities.' });
    const risk = (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.find((r) => r.id === 'risk-local-capacity');
    expect(risk).toMatchObject({ status: 'closed', headline: false, closedReason: 'Inclusion bases open in all localities.' });
    const history = cardText(await bot.executeCard(SARAH, VERBS.changeHistory, { verb: VERBS.changeHistory, kind: 'risk', id: 'risk-local-capacity' }));
    expect(history).toContain('Version 3, 27 November 2026, Natasha Moody: Natasha Moody closed a risk\nHeadline: yes → no\nStatus: open → closed\nClosed reason: (empty) → Inclusion bases open in all localities.');
    expect(history).toContain('Residual RAG: Amber → Green');
    expect(history).toMatch(/Version 2, 27 November 2026, Natasha Moody: Natasha Moody changed a risk's mitigation/);
    expect(history).toContain('Version 1, 27 November 2026, the assistant');
  });

  it('a parent rep can read the register but not change it', async () => {
    const card = await save(PCF, 'rescore', 'risk-oaip', { impact: 'Low', likelihood: 'Low' });
    expect(cardText(card)).toContain("Your role doesn't allow that");
  });

  it('adds, changes and closes dependencies', async () => {
    // Sarah adds one (hers); the reference plan's dependencies have no owner, so the SRO changes them.
    const dep = async (mode: string, dependency: string | undefined, fields: Record<string, string>) =>
      bot.executeCard(mode === 'add' ? SARAH : sro, VERBS.dependencySave, { verb: VERBS.dependencySave, mode, ...(dependency ? { dependency, baseVersion: await version() } : {}), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`f.${k}`, v])) });
    await dep('add', undefined, { area: 'Ofsted area SEND inspection framework changes', management: 'Track through QAG.' });
    await dep('change', 'dep-curriculum-review', { management: 'Review published; actions in the OAIP refresh.' });
    await dep('close', 'dep-best-start', { reason: 'Family Hubs routes live.' });
    const items = (await bot.store.loadPlan(PLAN_ID))!.plan.dependencies.items;
    expect(items.find((d) => d.area.startsWith('Ofsted'))).toMatchObject({ status: 'open', management: 'Track through QAG.' });
    expect(items.find((d) => d.id === 'dep-curriculum-review')?.management).toBe('Review published; actions in the OAIP refresh.');
    expect(items.find((d) => d.id === 'dep-best-start')).toMatchObject({ status: 'closed', closedReason: 'Family Hubs routes live.' });
  });

  it('the report counts risks opened, re-scored and closed in the quarter', async () => {
    await save(sro, 'rescore', 'risk-oaip', { impact: 'Medium', likelihood: 'Medium' });
    await save(sro, 'close', 'risk-engagement-reach', { reason: 'Reached.' });
    await save(sro, 'add', undefined, { description: 'New one.', scale: 'high-medium-low', impact: 'Low', likelihood: 'Low', headline: 'no' });
    const words = cardText(cardOf((await bot.say(sro, 'report'))[0]));
    expect(words).toContain('1 opened, 1 re-scored, 1 closed.');
    expect(words).toContain('Re-scored: High × High (Red) → Medium × Medium (Amber)');
  });
});

describe('the highlight report card on a large plan', () => {
  /** Twelve workstreams of five milestones each, every text typed to its limit: the worst a partnership could post. */
  const bigPlan = (): Plan => {
    const plan = demoPlan();
    const base = plan.deliveryPlan.workstreams[0]!;
    plan.deliveryPlan.workstreams = Array.from({ length: 12 }, (_, i) => ({
      ...base,
      id: `ws-big-${i}`,
      code: `${i + 1}`,
      name: `Workstream number ${i + 1} with a long descriptive name for the partnership board`,
      quarters: {
        ...base.quarters,
        Q3: { ...base.quarters.Q3, milestones: Array.from({ length: 5 }, (_, m) => ({ id: `ws-big-${i}-m${m}`, text: `Milestone ${m + 1} of workstream ${i + 1}: ${'deliver the agreed change '.repeat(12)}` })) },
      },
    }));
    return plan;
  };
  const updates = (plan: Plan): StoredUpdate[] =>
    plan.deliveryPlan.workstreams.map((w, i) => ({
      id: `upd-${i}`,
      workstreamId: w.id,
      quarter: '2026-Q3',
      sequence: 1,
      authorId: 'someone',
      at: '2026-12-01T10:00:00.000Z',
      milestones: w.quarters.Q3.milestones.map((m, k) => ({ milestoneId: m.id, status: k === 0 ? ('off-track' as const) : ('on-track' as const), rag: k === 0 ? ('Red' as const) : ('Green' as const), note: `Note ${k}: ${'x'.repeat(1990)}` })),
      actual: '50%',
      narrative: `Progress ${i}: ${'words '.repeat(330)}`,
      blockers: `Blocker ${i}: ${'b'.repeat(1990)}`,
      supportNeeded: null,
    }));

  it('stays a valid card under the Teams limit, names every workstream, and points to the Word report for the rest', () => {
    const plan = bigPlan();
    const report = buildQuarterlyReport(plan, parseQuarter('2026-Q3'), updates(plan), []);
    const card = reportCard(report, new Map([['someone', 'Sam Lead']]));
    const check = checkCard(card);
    expect(check.problems).toEqual([]);
    expect(check.bytes).toBeLessThan(MAX_CARD_BYTES);
    const words = cardText(card);
    for (const w of plan.deliveryPlan.workstreams) expect(words).toContain(`Workstream ${w.code}: ${w.name}`);
    // An off-track milestone is the last thing to be dropped.
    expect(words).toContain('Off track (Red)');
    expect(words).toContain('Download as Word');
    expect(words).toMatch(/full detail .*in the Word report/i);
  });
});
