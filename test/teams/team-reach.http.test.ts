import type restify from 'restify';
import { bootstrapStore } from '../../src/app/bootstrap.service';
import type { Store } from '../../src/app/ports';
import { loadConfig } from '../../src/config';
import { demoAssignments, demoPlan } from '../../src/demo/demo-plan';
import { createLogger } from '../../src/logger';
import { fromRoot } from '../../src/paths';
import { createServer, listen } from '../../src/server';
import { readRosterFile } from '../../src/storage/roster-file';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { VERBS } from '../../src/teams/verbs';
import { checkCard } from '../support/adaptive-card.validate';
import { cardText } from '../support/bot.harness';
import { ManualClock } from '../support/memory.clock';
import { startTeamsConnector, type FakeMember } from '../support/teams-connector.fake';

const TENANT = 'aaaaaaaa-1111-2222-3333-444444444444';
const TEAM = '19:partnership@thread.tacv2';
const BOT = '28:bot-app-id';
const SRO = '00000000-0000-0000-0000-0000000000020';
const ANNIE = '00000000-0000-0000-0000-0000000000025';
const NEWCOMER = '00000000-0000-0000-0000-0000000000099';

/** The partnership's team: everyone on the demo roster, one newcomer, and a guest from another organisation. */
const MEMBERS: FakeMember[] = [
  { id: 'user-id-0', aadObjectId: SRO, name: 'Natasha Moody', email: 'natasha.moody@shropshire.example' },
  { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Tanya Miles' },
  { id: 'user-id-5', aadObjectId: ANNIE, name: 'Annie Williams' },
  { id: 'user-simon', aadObjectId: 'demo-simon-whitehouse', name: 'Simon Whitehouse' },
  { id: 'user-david', aadObjectId: 'demo-david-shaw', name: 'David Shaw' },
  { id: 'user-vanessa', aadObjectId: 'demo-vanessa-whatley', name: 'Vanessa Whatley' },
  { id: 'user-duncan', aadObjectId: 'demo-duncan-whitfield', name: 'Duncan Whitfield' },
  { id: 'user-louisa', aadObjectId: 'demo-louisa-jones', name: 'Louisa Jones' },
  { id: 'user-robin', aadObjectId: NEWCOMER, name: 'Robin Newman', email: 'robin.newman@shropshire.example' },
];

describe('reaching the partnership through its Teams team (over HTTP, with a stand-in connector)', () => {
  let store: Store;
  let server: restify.Server;
  let base: string;
  let teams: Awaited<ReturnType<typeof startTeamsConnector>>;
  let sequence = 0;

  const start = async (env: NodeJS.ProcessEnv = {}, members = MEMBERS) => {
    teams = await startTeamsConnector({ teamId: TEAM, teamName: 'Shropshire SEND Partnership', tenantId: TENANT, members, pageSize: 4 });
    const config = loadConfig({ PORT: '0', ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'silent', ...env });
    const clock = new ManualClock();
    store = await SqliteStore.open(':memory:', clock);
    await bootstrapStore(store, { planId: config.planId, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan, seedAssignments: demoAssignments });
    server = createServer({ config, store, clock, logger: createLogger({ logLevel: 'silent' }) }).server;
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  };
  afterEach(async () => {
    server?.close();
    await teams?.close();
    await store?.close();
  });

  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channelId: 'msteams', serviceUrl: teams.url, recipient: { id: BOT, name: 'SEND Reform Plan' }, id: `act-${++sequence}`, ...activity }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const teamEvent = (extra: Record<string, unknown>) =>
    post({ from: { id: 'user-id-0', aadObjectId: SRO }, conversation: { id: TEAM, conversationType: 'channel', isGroup: true, tenantId: TENANT }, channelData: { team: { id: TEAM, name: 'Shropshire SEND Partnership' }, tenant: { id: TENANT } }, ...extra });
  const install = () => teamEvent({ type: 'installationUpdate', action: 'add' });
  const personal = (aad: string, teamsId: string) => ({ from: { id: teamsId, aadObjectId: aad }, conversation: { id: `a:own-${teamsId}`, conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } });
  const say = async (aad: string, teamsId: string, text: string) => {
    const before = teams.posted.length;
    await post({ type: 'message', text, ...personal(aad, teamsId) });
    await teams.waitFor(before + 1);
    return teams.posted[teams.posted.length - 1]!.body.attachments?.[0]?.content ?? {};
  };
  const press = async (aad: string, teamsId: string, verb: string, data: Record<string, unknown> = {}, activityId?: string) => {
    const res = await post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' }, ...personal(aad, teamsId), ...(activityId ? { id: activityId } : {}) });
    expect(res.status).toBe(200);
    return (res.body as { value: Record<string, unknown> }).value;
  };

  it('kept once when the app is added to the team, with one short welcome in the channel, and none for members who join', async () => {
    await start();
    expect((await install()).status).toBe(200);
    // Teams also says so as a conversationUpdate: the same install, no second welcome.
    await teamEvent({ type: 'conversationUpdate', membersAdded: [{ id: BOT }], channelData: { team: { id: TEAM, name: 'Shropshire SEND Partnership' }, eventType: 'teamMemberAdded', tenant: { id: TENANT } } });
    await teamEvent({ type: 'conversationUpdate', membersAdded: [{ id: 'user-robin', aadObjectId: NEWCOMER }], channelData: { team: { id: TEAM, name: 'Shropshire SEND Partnership' }, eventType: 'teamMemberAdded', tenant: { id: TENANT } } });
    const welcome = teams.in(TEAM);
    expect(welcome).toHaveLength(1);
    const card = welcome[0]!.body.attachments![0]!.content;
    expect(checkCard(card).problems).toEqual([]);
    expect(cardText(card)).toMatch(/Natasha Moody decides who does what/);
    expect(cardText(card)).toMatch(/Open a 1:1 chat with me/);
    expect(JSON.stringify(card)).toContain('https://teams.microsoft.com/l/chat/0/0?users=28%3Abot-app-id');
    expect(await store.listTeams()).toEqual([expect.objectContaining({ id: TEAM, name: 'Shropshire SEND Partnership', serviceUrl: teams.url, tenantId: TENANT, channelId: TEAM, botId: BOT, status: 'installed', installedBy: SRO })]);
    expect((await store.listAudit(null)).filter((e) => e.kind === 'team')).toHaveLength(1);
  });

  it('sends version 1 for sign-off to all five signatories, none of whom ever wrote, each in a 1:1 chat created once; nothing personal reaches the channel', async () => {
    await start();
    await install();
    const startCard = await say(SRO, 'user-id-0', 'sign-off');
    expect(cardText(startCard)).toMatch(/Send/);
    const sent = await press(SRO, 'user-id-0', VERBS.signoffSend, { version: 1 });
    expect(cardText(sent)).toMatch(/Sent version 1 to 5 of 5 signatories\./);
    // One new chat per signatory, 1:1 in the team's tenant, never a group.
    expect(teams.created.map((c) => c.memberId).sort()).toEqual(['user-david', 'user-duncan', 'user-id-2', 'user-simon', 'user-vanessa']);
    expect(teams.created.every((c) => c.isGroup === false && c.tenantId === TENANT)).toBe(true);
    for (const c of teams.created) {
      const [card] = teams.in(c.conversationId);
      expect(cardText(card!.body.attachments![0]!.content)).toMatch(/sign/i);
    }
    // The roster was read once for the five (pages of four), not once per signatory.
    expect(teams.rosterReads.filter((id) => id === TEAM)).toHaveLength(3);
    // Resend reuses the chat: no second one is opened.
    await press(SRO, 'user-id-0', VERBS.signoffResend, { person: 'demo-david-shaw' });
    expect(teams.created.filter((c) => c.memberId === 'user-david')).toHaveLength(1);
    expect(teams.in('a:chat-user-david')).toHaveLength(2);
    // The channel got the welcome and nothing else.
    expect(teams.in(TEAM)).toHaveLength(1);
  });

  it('delivers an assignment to a team member who never wrote; someone outside the team is named as such', async () => {
    await start({}, MEMBERS.filter((m) => m.aadObjectId !== 'demo-david-shaw'));
    await install();
    const done = await press(SRO, 'user-id-0', VERBS.assign, { section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' });
    expect(cardText(done)).toMatch(/Louisa Jones has been sent a message in Teams/);
    expect(cardText(teams.in('a:chat-user-louisa')[0]!.body.attachments![0]!.content)).toMatch(/risk/i);
    await say(SRO, 'user-id-0', 'sign-off');
    const sent = await press(SRO, 'user-id-0', VERBS.signoffSend, { version: 1 });
    expect(cardText(sent)).toMatch(/Sent version 1 to 4 of 5 signatories\. Not reached, because they are not a member of the partnership’s team in Teams and have never opened the bot: David Shaw/);
  });

  it('retries opening a chat when Teams answers 429 or 5xx, and names a blocked app and another organisation as such', async () => {
    await start({ ALLOWED_TENANT_IDS: TENANT }, [
      ...MEMBERS.filter((m) => m.aadObjectId !== 'demo-vanessa-whatley'),
      { id: 'user-vanessa', aadObjectId: 'demo-vanessa-whatley', name: 'Vanessa Whatley', tenantId: '11111111-1111-1111-1111-111111111111' },
    ]);
    teams.failures.create.push(429, 502);
    teams.blocked.add('user-duncan');
    await install();
    await say(SRO, 'user-id-0', 'sign-off');
    const sent = cardText(await press(SRO, 'user-id-0', VERBS.signoffSend, { version: 1 }));
    expect(sent).toMatch(/Sent version 1 to 3 of 5 signatories\./);
    expect(sent).toMatch(/because they have removed or blocked the app in Teams: Duncan Whitfield/);
    expect(sent).toMatch(/organisation this bot does not serve .*: Vanessa Whatley/);
    const status = cardText(await press(SRO, 'user-id-0', VERBS.signoffStatus));
    expect(status).toMatch(/App removed/);
    expect(status).toMatch(/Other organisation/);
  });

  it('the SRO adds a workstream lead and a signatory from Teams, and they can act at once, with no file and no restart', async () => {
    await start();
    await install();
    const people = await say(SRO, 'user-id-0', 'people');
    expect(checkCard(people).problems).toEqual([]);
    expect(cardText(people)).toMatch(/Robin Newman \(robin\.newman@shropshire\.example\)/);
    // Robin has never been on the roster: the bot does not know them.
    expect(cardText(await say(NEWCOMER, 'user-robin', 'help'))).toMatch(/not on the roster/);
    const form = await press(SRO, 'user-id-0', VERBS.personAdd, { member: NEWCOMER });
    expect(cardText(form)).toMatch(/Add Robin Newman/);
    // The card's echoed name is ignored: the team's roster says who they are.
    const saved = await press(SRO, 'user-id-0', VERBS.personSave, { person: NEWCOMER, version: 0, roles: '', workstreams: 'ws-3', signatoryRole: 'co-signer', name: 'Someone Else' });
    expect(cardText(saved)).toMatch(/Robin Newman can now use the bot as Workstream lead and Signatory/);
    const robin = await store.findPerson(NEWCOMER);
    expect(robin).toEqual({ id: NEWCOMER, name: 'Robin Newman', email: 'robin.newman@shropshire.example', roles: [{ role: 'workstream-lead', workstreams: ['ws-3'] }, { role: 'signatory', signatoryRole: 'co-signer' }] });
    // At once: Robin's update form, no restart.
    expect(cardText(await say(NEWCOMER, 'user-robin', 'post my update'))).toMatch(/EHCP/);
    const audit = (await store.listAudit(null)).filter((e) => e.kind === 'person' && e.key === NEWCOMER);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: SRO, summary: 'Natasha Moody added Robin Newman' })]);
  });

  it('the SRO posts the quarter’s highlight report to the channel with an explicit button, once per click, with counts and titles only', async () => {
    await start();
    await install();
    const report = await say(SRO, 'user-id-0', 'report q3');
    expect(cardText(report)).toMatch(/Post to the team channel/);
    // Annie posts an update with a note about a family: it must never reach the channel.
    await press(ANNIE, 'user-id-5', VERBS.updatePost, { workstream: 'ws-3', quarter: '2026-Q3', 'status.ws-3-q3-m1': 'on-track', actual: '47%', narrative: 'The Smith family waited 30 weeks.' });
    const done = await press(SRO, 'user-id-0', VERBS.channelPostReport, { quarter: '2026-Q3' }, 'click-1');
    expect(cardText(done)).toMatch(/Posted the highlight report to Shropshire SEND Partnership/);
    await press(SRO, 'user-id-0', VERBS.channelPostReport, { quarter: '2026-Q3' }, 'click-1');
    const inChannel = teams.in(TEAM).slice(1);
    expect(inChannel).toHaveLength(1);
    const text = cardText(inChannel[0]!.body.attachments![0]!.content);
    expect(text).toContain('Highlight report: Quarter 3 of 2026-27 (October to December 2026)');
    expect(text).toMatch(/3: EHCP Timeliness/);
    expect(text).not.toMatch(/Smith|Annie|Natasha|47%/);
    // Anyone else is refused, and nothing is posted.
    expect(cardText(await press(ANNIE, 'user-id-5', VERBS.channelPostReport, { quarter: '2026-Q3' }))).toMatch(/Senior Responsible Officer posts/);
    expect(teams.in(TEAM)).toHaveLength(2);
  });

  it('when the app or the team is removed, it is kept in the audit and nothing goes there any more', async () => {
    await start();
    await install();
    await teamEvent({ type: 'installationUpdate', action: 'remove' });
    expect(await store.listTeams()).toEqual([]);
    expect((await store.listAudit(null)).filter((e) => e.kind === 'team').map((e) => e.summary)).toEqual(['The app was removed from the team: cards no longer go there', 'The app was added to the team "Shropshire SEND Partnership" by Natasha Moody']);
    const done = await press(SRO, 'user-id-0', VERBS.assign, { section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' });
    expect(cardText(done)).toMatch(/not a member of the partnership’s team/);
    expect(teams.created).toHaveLength(0);
    expect(cardText(await press(SRO, 'user-id-0', VERBS.channelPostReport, { quarter: '2026-Q3' }))).toMatch(/not in the partnership’s team/);
    // Added again, then the team deleted.
    await install();
    await teamEvent({ type: 'conversationUpdate', channelData: { team: { id: TEAM, name: 'Shropshire SEND Partnership' }, eventType: 'teamDeleted', tenant: { id: TENANT } } });
    expect(await store.listTeams()).toEqual([]);
  });

  it('someone who removed the app from their own chat is named as such, until they write to the bot again', async () => {
    await start();
    await install();
    await say('demo-louisa-jones', 'user-louisa', 'hello');
    await post({ type: 'installationUpdate', action: 'remove', ...personal('demo-louisa-jones', 'user-louisa') });
    const done = await press(SRO, 'user-id-0', VERBS.assign, { section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' });
    expect(cardText(done)).toMatch(/they have removed or blocked the app in Teams/);
    expect(teams.created).toHaveLength(0);
    await say('demo-louisa-jones', 'user-louisa', 'hello');
    const again = await press(SRO, 'user-id-0', VERBS.assign, { section: 'engagement', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' });
    expect(cardText(again)).toMatch(/Louisa Jones has been sent a message in Teams/);
  });

  it('people cards: a stale card is refused, the last SRO stays, a removed person loses access at once, and the picker’s mock id is resolved through the team', async () => {
    await start();
    await install();
    const annie = await press(SRO, 'user-id-0', VERBS.personForm, { person: ANNIE });
    expect(cardText(annie)).toMatch(/Annie Williams: roles/);
    await press(SRO, 'user-id-0', VERBS.personSave, { person: ANNIE, version: 1, roles: 'contributor', workstreams: 'ws-3', signatoryRole: 'none' });
    // A second card made from version 1 changes nothing.
    const stale = await press(SRO, 'user-id-0', VERBS.personSave, { person: ANNIE, version: 1, roles: 'viewer', workstreams: '', signatoryRole: 'none' });
    expect(cardText(stale)).toMatch(/changed/i);
    expect((await store.findPerson(ANNIE))?.roles).toEqual([{ role: 'workstream-lead', workstreams: ['ws-3'] }, { role: 'contributor' }]);
    // Tampered data: a role that does not exist, a workstream of another plan.
    const tampered = await press(SRO, 'user-id-0', VERBS.personSave, { person: ANNIE, version: 2, roles: 'admin', workstreams: 'ws-99', signatoryRole: 'none' });
    expect(cardText(tampered)).toMatch(/Choose roles from the list/);
    expect((await store.loadPersonRecord(ANNIE))?.version).toBe(2);
    // The last SRO cannot take the role from themselves.
    const self = await press(SRO, 'user-id-0', VERBS.personSave, { person: SRO, version: 1, roles: 'viewer', workstreams: '', signatoryRole: 'none' });
    expect(cardText(self)).toMatch(/at least one SRO/);
    // Removed: Annie's very next message finds her off the roster.
    const removed = await press(SRO, 'user-id-0', VERBS.personRemove, { person: ANNIE, version: 2 });
    expect(cardText(removed)).toMatch(/Annie Williams can no longer use the bot/);
    expect(cardText(await say(ANNIE, 'user-id-5', 'post my update'))).toMatch(/not on the roster/);
    // The people picker in Agents Playground answers the mock user's id: found through the team's roster.
    const picked = await press(SRO, 'user-id-0', VERBS.personAdd, { who: 'user-robin' });
    expect(cardText(picked)).toMatch(/Add Robin Newman/);
    const unknown = await press(SRO, 'user-id-0', VERBS.personAdd, { who: 'user-nobody' });
    expect(cardText(unknown)).toMatch(/cannot find them in the partnership’s team/);
    // Only the SRO manages people.
    expect(cardText(await press('00000000-0000-0000-0000-0000000000022', 'user-id-2', VERBS.people))).toMatch(/Only the plan's Senior Responsible Officer can change who may use the bot/);
  });

  it('a team added by someone who is not the SRO is not used until the SRO confirms it, and its welcome names no one', async () => {
    await start();
    await teamEvent({ type: 'installationUpdate', action: 'add', from: { id: 'user-robin', aadObjectId: NEWCOMER } });
    const welcome = cardText(teams.in(TEAM)[0]!.body.attachments![0]!.content);
    expect(welcome).toMatch(/first confirms that this is the partnership’s team/);
    expect(welcome).not.toMatch(/Natasha/);
    // Not used yet: nobody is reached through it, nothing is posted there.
    expect(cardText(await press(SRO, 'user-id-0', VERBS.assign, { section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' }))).toMatch(/not a member of the partnership’s team/);
    expect(teams.created).toHaveLength(0);
    const people = cardText(await say(SRO, 'user-id-0', 'people'));
    expect(people).toMatch(/The app was added to Shropshire SEND Partnership by someone who is not the SRO/);
    expect(cardText(await press('00000000-0000-0000-0000-0000000000022', 'user-id-2', VERBS.teamConfirm, { team: TEAM }))).toMatch(/Only the plan's Senior Responsible Officer/);
    const confirmed = await press(SRO, 'user-id-0', VERBS.teamConfirm, { team: TEAM });
    expect(cardText(confirmed)).toMatch(/Shropshire SEND Partnership is the partnership’s team/);
    expect(cardText(await press(SRO, 'user-id-0', VERBS.assign, { section: 'engagement', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' }))).toMatch(/Louisa Jones has been sent a message in Teams/);
  });

  it('in the team’s channel it shows only what the partnership may read together, and asks for a 1:1 chat for the rest', async () => {
    await start();
    await install();
    const inChannel = { from: { id: 'user-id-0', aadObjectId: SRO }, conversation: { id: `${TEAM};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT }, channelData: { team: { id: TEAM }, tenant: { id: TENANT } } };
    const ask = async (text: string) => {
      const before = teams.posted.length;
      await post({ type: 'message', text: `<at>SEND Reform Plan</at> ${text}`, ...inChannel });
      await teams.waitFor(before + 1);
      return cardText(teams.posted[teams.posted.length - 1]!.body.attachments![0]!.content);
    };
    expect(await ask('status')).toMatch(/Plan status|section/i);
    for (const personal of ['people', 'my tasks', 'you said we did', 'sign-off status', 'export', 'what do I need to sign?']) expect(await ask(personal)).toMatch(/Let’s do that in a 1:1 chat/);
    // A card button that writes, pressed in the channel, changes nothing.
    const res = await post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: VERBS.personRemove, data: { verb: VERBS.personRemove, person: ANNIE, version: 1 } }, trigger: 'manual' }, ...inChannel });
    expect(cardText((res.body as { value: unknown }).value)).toMatch(/Let’s do that in a 1:1 chat/);
    expect(await store.findPerson(ANNIE)).not.toBeNull();
  });

  it('a card Teams refuses to deliver is not marked sent, and the person is not sent an apology instead; a refused channel post says so', async () => {
    await start();
    await install();
    // Teams refuses the send (botbuilder would hand the error to its turn-error handler, which
    // answers "Sorry" into the chat and returns): the card is not marked sent.
    teams.failures.post.push(403);
    const done = await press(SRO, 'user-id-0', VERBS.assign, { section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2027-06-30' });
    expect(cardText(done)).toMatch(/Teams would not deliver my message to Louisa Jones: they have removed or blocked the app/);
    expect((await store.listNotifications())[0]).toMatchObject({ status: 'unreachable', lastError: 'blocked' });
    expect(teams.posted.filter((p) => p.body.text?.includes('Sorry'))).toHaveLength(0);
    // A refused roster read is not taken for an empty team: once Teams answers, David is reached.
    teams.failures.roster.push(403);
    const refused = await press(SRO, 'user-id-0', VERBS.assign, { section: 'engagement', assignee: 'demo-david-shaw', dueDate: '2027-06-30' });
    expect(cardText(refused)).toMatch(/David Shaw/);
    expect(cardText(await press(SRO, 'user-id-0', VERBS.assign, { section: 'governance', assignee: 'demo-david-shaw', dueDate: '2027-06-30' }))).toMatch(/David Shaw has been sent a message in Teams/);
    // A channel post Teams refuses is reported, and may be tried again.
    teams.failures.post.push(403);
    const post403 = await press(SRO, 'user-id-0', VERBS.channelPostReport, { quarter: '2026-Q3' }, 'click-403');
    expect(cardText(post403)).not.toMatch(/Posted/);
    expect(teams.in(TEAM)).toHaveLength(1);
    expect(cardText(await press(SRO, 'user-id-0', VERBS.channelPostReport, { quarter: '2026-Q3' }, 'click-403'))).toMatch(/Posted the highlight report/);
  });
});
