import { VERBS } from '../../src/teams/verbs';
import { cardOf, cardText, createBotHarness, PLAN_ID } from '../support/bot.harness';
import { button, findButton } from '../support/card-inspect';

const SRO = '00000000-0000-0000-0000-0000000000020';
const SARAH = '00000000-0000-0000-0000-0000000000021';
const SAM = '00000000-0000-0000-0000-0000000000023';
const ANNIE = '00000000-0000-0000-0000-0000000000025';
const EHCP_RISK = 'EHCP timeliness and quality improvements do not sustain';

/** The buttons on one risk's row of the register, by its description. */
const rowButtons = (card: unknown, description: string): string[] => {
  const text = JSON.stringify(card);
  const at = text.indexOf(description);
  const next = text.indexOf('"separator":true', at);
  return [...text.slice(at, next < 0 ? undefined : next).matchAll(/"title":"([^"]+)","verb"/g)].map((m) => m[1]!);
};

describe('risks and dependencies have owners, and leads change their own', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(() => bot.close());
  const version = async () => (await bot.store.loadPlan(PLAN_ID))!.version;
  const risk = async (id: string) => (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.find((r) => r.id === id)!;

  it.each([
    ['Annie, who leads workstream 3, on the EHCP timeliness risk', ANNIE, EHCP_RISK, ['Re-score', 'Change', 'Close', 'History']],
    ['Annie on the OAIP risk (workstream 1)', ANNIE, 'Uneven implementation of ordinarily available inclusive practice', ['History']],
    ['Sarah, who leads workstreams 1a and 1, on the OAIP risk', SARAH, 'Uneven implementation of ordinarily available inclusive practice', ['Re-score', 'Change', 'Close', 'History']],
    ['Sarah on the engagement risk, which no workstream owns (the SRO’s)', SARAH, 'Engagement and co-production does not reach', ['History']],
    ['the SRO on any risk, with Owner', SRO, EHCP_RISK, ['Re-score', 'Change', 'Close', 'Owner', 'History']],
  ])('%s', async (_who, person, description, buttons) => {
    const card = cardOf((await bot.say(person, 'risks'))[0]);
    expect(rowButtons(card, description)).toEqual(buttons);
  });

  it('Annie re-scores and re-words her risk, and the SRO sees the change in the quarter’s report', async () => {
    const card = cardOf((await bot.say(ANNIE, 'risks'))[0]);
    expect(cardText(card)).toContain('owner: Workstream 3: EHCP Timeliness');
    const rescore = await bot.executeCard(ANNIE, VERBS.riskForm, { verb: VERBS.riskForm, mode: 'rescore', risk: 'risk-ehcp-timeliness' });
    await bot.executeCard(ANNIE, VERBS.riskSave, { ...button(rescore, 'Re-score the risk'), 'f.impact': 'High', 'f.likelihood': 'High' });
    const change = await bot.executeCard(ANNIE, VERBS.riskForm, { verb: VERBS.riskForm, mode: 'change', risk: 'risk-ehcp-timeliness' });
    await bot.executeCard(ANNIE, VERBS.riskSave, { ...button(change, 'Change the mitigation'), 'f.mitigation': 'Weekly QA panel; partner advice escalated after 6 weeks.', 'f.residualRag': 'Amber', 'f.headline': 'yes' });
    expect(await risk('risk-ehcp-timeliness')).toMatchObject({ impact: 'High', likelihood: 'High', rag: 'Red', mitigation: 'Weekly QA panel; partner advice escalated after 6 weeks.', residualRag: 'Amber' });
    const report = cardText(cardOf((await bot.say(SRO, 'report'))[0]));
    expect(report).toContain('Re-scored: High × Medium (Amber) → High × High (Red)');
  });

  it('someone the lead named to post for workstream 3 may change its risks too', async () => {
    await bot.executeCard(ANNIE, VERBS.delegate, { verb: VERBS.delegate, workstream: 'ws-3', 'f.delegate': SAM });
    const card = cardOf((await bot.say(SAM, 'risks'))[0]);
    expect(rowButtons(card, EHCP_RISK)).toEqual(['Re-score', 'Change', 'Close', 'History']);
    expect(rowButtons(card, 'Uneven implementation of ordinarily available inclusive practice')).toEqual(['History']);
    // Named to post for a workstream, not to lead one: they change its items, but add nothing.
    expect(findButton(card, 'Add a risk')).toBeUndefined();
    const added = await bot.executeCard(SAM, VERBS.riskSave, { verb: VERBS.riskSave, mode: 'add', 'f.description': 'A risk from a delegate', 'f.scale': 'high-medium-low', 'f.impact': 'Low', 'f.likelihood': 'Low' });
    expect(cardText(added)).toContain('Only the SRO and workstream leads can add');
  });

  it('only the SRO sees the owner form, with the roster’s names in it', async () => {
    const refused = await bot.executeCard(ANNIE, VERBS.riskForm, { verb: VERBS.riskForm, mode: 'owner', risk: 'risk-ehcp-timeliness' });
    expect(cardText(refused)).toContain('Only the SRO can change who owns');
    expect(cardText(refused)).not.toContain('Natasha Moody');
  });

  it('the SRO gives a risk and a dependency to a workstream; the change is audited and its lead may then change it; only the SRO may', async () => {
    const form = await bot.executeCard(SRO, VERBS.riskForm, { verb: VERBS.riskForm, mode: 'owner', risk: 'risk-engagement-reach' });
    expect(cardText(form)).toContain('Workstream 3: EHCP Timeliness');
    await bot.executeCard(SRO, VERBS.riskSave, { ...button(form, 'Give the risk an owner'), 'f.owner': 'workstream:ws-3' });
    expect((await risk('risk-engagement-reach')).owner).toEqual({ kind: 'workstream', id: 'ws-3' });
    const audit = await bot.store.listAudit(PLAN_ID, { keyPrefix: 'risks/risks/risk-engagement-reach', limit: 1 });
    expect(audit[0]).toMatchObject({ actorId: SRO, summary: 'Natasha Moody gave a risk to workstream ws-3' });
    expect(rowButtons(cardOf((await bot.say(ANNIE, 'risks'))[0]), 'Engagement and co-production does not reach')).toEqual(['Re-score', 'Change', 'Close', 'History']);
    // A dependency, to a person on the roster.
    const dep = await bot.executeCard(SRO, VERBS.dependencyForm, { verb: VERBS.dependencyForm, mode: 'owner', dependency: 'dep-best-start' });
    await bot.executeCard(SRO, VERBS.dependencySave, { ...button(dep, 'Give the dependency an owner'), 'f.owner': `person:${SARAH}` });
    expect((await bot.store.loadPlan(PLAN_ID))!.plan.dependencies.items.find((d) => d.id === 'dep-best-start')?.owner).toEqual({ kind: 'person', id: SARAH });
    // Annie cannot give anything away, even with a forged card.
    const before = await version();
    const forged = await bot.executeCard(ANNIE, VERBS.riskSave, { verb: VERBS.riskSave, mode: 'owner', risk: 'risk-ehcp-timeliness', baseVersion: before, 'f.owner': `person:${ANNIE}` });
    expect(cardText(forged)).toContain('Only the SRO can change who owns');
    expect(await version()).toBe(before);
    // An owner that is not on the list is refused.
    const tampered = await bot.executeCard(SRO, VERBS.riskSave, { verb: VERBS.riskSave, mode: 'owner', risk: 'risk-ehcp-timeliness', baseVersion: before, 'f.owner': 'workstream:ws-99' });
    expect(cardText(tampered)).toContain('Choose the owner from the list.');
    expect(await version()).toBe(before);
  });

  it('a change from a card with no version, or one opened before someone else changed that risk, is refused and writes nothing', async () => {
    const before = await version();
    const noVersion = await bot.executeCard(ANNIE, VERBS.riskSave, { verb: VERBS.riskSave, mode: 'rescore', risk: 'risk-ehcp-timeliness', 'f.impact': 'Low', 'f.likelihood': 'Low' });
    expect(cardText(noVersion)).toContain('did not recognise');
    const stale = await bot.executeCard(ANNIE, VERBS.riskForm, { verb: VERBS.riskForm, mode: 'rescore', risk: 'risk-ehcp-timeliness' });
    const sro = await bot.executeCard(SRO, VERBS.riskForm, { verb: VERBS.riskForm, mode: 'rescore', risk: 'risk-ehcp-timeliness' });
    await bot.executeCard(SRO, VERBS.riskSave, { ...button(sro, 'Re-score the risk'), 'f.impact': 'Medium', 'f.likelihood': 'Medium' });
    const refused = await bot.executeCard(ANNIE, VERBS.riskSave, { ...button(stale, 'Re-score the risk'), 'f.impact': 'Low', 'f.likelihood': 'Low' });
    expect(cardText(refused)).toContain('Someone else changed');
    expect(await version()).toBe(before + 1);
    expect(findButton(refused, 'Re-score the risk')).toBeUndefined();
  });
});
