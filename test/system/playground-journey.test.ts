// A journey through the real Microsoft 365 Agents Playground (one per person, as people use it):
// the app is added to the partnership's team, a signatory who never spoke to the bot receives the
// sign-off card in a 1:1 chat and signs it there, and the SRO adds a newcomer from the team, who
// can post their update at once. Driven over the Playground's own HTTP API (test/support/playground.driver.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type restify from 'restify';
import { stringify } from 'yaml';
import { bootstrapStore } from '../../src/app/bootstrap.service';
import type { Store } from '../../src/app/ports';
import { playgroundConfig } from '../../src/cli/playground-user';
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
import { startPlayground, type Playground } from '../support/playground.driver';

jest.setTimeout(120_000);

const ROSTER = readRosterFile(fromRoot('config', 'roster.demo.json'));
const who = (id: string) => ROSTER.find((p) => p.id === id)!;
const NATASHA = '00000000-0000-0000-0000-0000000000020';
const TANYA = '00000000-0000-0000-0000-0000000000022';
const ROBIN = { id: '00000000-0000-0000-0000-0000000000099', name: 'Robin Newman', email: 'robin.newman@shropshire.example', roles: [{ role: 'viewer' as const }] };

describe('the partnership’s team, in the real Agents Playground', () => {
  let dir: string;
  let store: Store;
  let server: restify.Server;
  let botUrl: string;
  const playgrounds: Playground[] = [];
  const open = async (name: string, yaml: string) => {
    const path = join(dir, `${name}.yml`);
    writeFileSync(path, yaml);
    const pg = await startPlayground({ botUrl, configPath: path });
    playgrounds.push(pg);
    return pg;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'send-plan-playground-'));
    const config = loadConfig({ PORT: '0', ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'silent' });
    store = await SqliteStore.open(join(dir, 'plan.db'), { now: () => new Date() });
    await bootstrapStore(store, { planId: config.planId, roster: ROSTER, seedPlan: demoPlan, seedAssignments: demoAssignments });
    server = createServer({ config, store, logger: createLogger({ logLevel: 'silent' }) }).server;
    botUrl = `http://127.0.0.1:${await listen(server, 0)}/api/messages`;
  });
  afterAll(async () => {
    await Promise.all(playgrounds.map((pg) => pg.stop()));
    server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Tanya, who never spoke to the bot, receives the sign-off card after the app is added to her team, and signs it there', async () => {
    const tanya = await open('tanya', playgroundConfig(who(TANYA), ROSTER));
    const natasha = await open('natasha', playgroundConfig(who(NATASHA), ROSTER));
    // "Mock an Activity" → install the app in the team, from Tanya's Playground: one welcome in the channel.
    await tanya.installInTeam();
    const welcome = await tanya.waitFor(() => tanya.messagesIn(tanya.conversations().team.id)[0]);
    expect(cardText(welcome.attachments[0]!.content)).toMatch(/Open a 1:1 chat with me/);
    expect(tanya.messagesIn(tanya.conversations().team.id)).toHaveLength(1);
    expect(await store.listTeams({ include: ['pending'] })).toEqual([expect.objectContaining({ id: 'team-id', status: 'pending' })]);

    // Tanya is not the SRO: the team waits for Natasha to confirm it, and no one is reached through it yet.
    expect(await store.listTeams()).toEqual([]);
    const people = (await natasha.say('people'))[0]!.card!;
    expect(cardText(people)).toMatch(/The app was added to SEND Partnership by someone who is not the SRO/);
    const confirmed = await natasha.press(VERBS.teamConfirm);
    expect(cardText(confirmed.card)).toMatch(/SEND Partnership is the partnership’s team/);

    // Natasha, the SRO, in her own Playground: sign-off → Send.
    await natasha.say('sign-off');
    const sent = await natasha.press(VERBS.signoffSend);
    expect(cardText(sent.card)).toMatch(/Sent version 1 to 1 of 5 signatories/);
    expect(cardText(sent.card)).toMatch(/not a member of the partnership’s team in Teams and have never opened the bot: Simon Whitehouse/);

    // Tanya sees it in her 1:1 chat with the bot, though she never wrote to it.
    const request = await tanya.waitFor(() => tanya.sent().find((r) => r.card && cardText(r.card).includes('Please sign off')));
    expect(checkCard(request.card).problems).toEqual([]);
    expect(tanya.conversations().createdChats).toHaveLength(1);
    expect(tanya.conversations().createdChats[0]!.isGroup).toBe(false);
    const approved = await tanya.press(VERBS.signoffApprove, {}, { on: request, as: tanya.conversations().me.id });
    expect(cardText(approved.card)).toMatch(/You approved version 1/);
    const round = (await store.listRounds('shropshire-2026-27'))[0]!;
    expect((await store.loadRound(round.id))!.requests.find((r) => r.personId === TANYA)?.state).toBe('signed');
    // Nothing but the welcome went to the channel.
    expect(tanya.messagesIn(tanya.conversations().team.id)).toHaveLength(1);
  });

  it('the SRO adds a member of the team as a workstream lead from the people card, and they can post their update at once', async () => {
    const others = ROSTER.filter((p) => p.id !== NATASHA).slice(0, 4);
    const mock = (p: { id: string; name: string; email: string | null }, i: number) => ({ id: `user-id-${i}`, name: p.name, userPrincipleName: p.email ?? `${p.id}@example.invalid`, aadObjectId: p.id, givenName: p.name.split(' ')[0], surname: p.name.split(' ')[1] ?? '', email: p.email ?? `${p.id}@example.invalid` });
    const natashaYaml = stringify({
      version: '0.1.1',
      tenantId: '00000000-0000-0000-0000-0000000000001',
      bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'SEND Reform Plan' },
      currentUser: mock(who(NATASHA), 0),
      users: [...others, ROBIN].map((p, i) => mock(p, i + 1)),
      personalChat: { id: '__PERSONAL_CHAT_ID__' },
      groupChat: { id: '__GROUP_CHAT_ID__', name: 'SEND Partnership Board' },
      team: { id: 'team-id', name: 'Shropshire SEND Partnership', aadGroupId: '00000000-0000-0000-0000-000000000031', channels: [{ id: 'channel-announcements-id', name: 'Announcements' }] },
    });
    const natasha = await open('natasha-team', natashaYaml);
    await natasha.installInTeam();
    const people = (await natasha.say('people'))[0]!.card!;
    expect(cardText(people)).toMatch(/Robin Newman/);
    // The people picker answers the mock user's id in the Playground: resolved through the team roster.
    const form = await natasha.press(VERBS.personAdd, { who: 'user-id-5' });
    expect(cardText(form.card)).toMatch(/Add Robin Newman/);
    const saved = await natasha.press(VERBS.personSave, { roles: '', workstreams: 'ws-3', signatoryRole: 'none' }, { on: { ...natasha.sent().at(-1)!, card: form.card } });
    expect(cardText(saved.card)).toMatch(/Robin Newman can now use the bot as Workstream lead/);

    const robin = await open('robin', playgroundConfig({ ...ROBIN, roles: [{ role: 'workstream-lead', workstreams: ['ws-3'] }] }, ROSTER));
    const update = (await robin.say('post my update'))[0]!.card!;
    expect(cardText(update)).toMatch(/EHCP Timeliness/);
  });

  it('Annie re-scores and re-words the EHCP timeliness risk her workstream owns, and the SRO sees it in the quarter’s report', async () => {
    const ANNIE = '00000000-0000-0000-0000-0000000000025';
    const annie = await open('annie', playgroundConfig(who(ANNIE), ROSTER));
    const register = (await annie.say('risks'))[0]!.card!;
    expect(cardText(register)).toContain('owner: Workstream 3: EHCP Timeliness');
    const rescoreForm = await annie.press(VERBS.riskForm, { mode: 'rescore', risk: 'risk-ehcp-timeliness' });
    expect(cardText(rescoreForm.card)).toMatch(/Re-score the risk/);
    const onForm = { ...annie.sent().at(-1)!, card: rescoreForm.card };
    await annie.press(VERBS.riskSave, { 'f.impact': 'High', 'f.likelihood': 'High' }, { on: onForm });
    const changeForm = await annie.press(VERBS.riskForm, { mode: 'change', risk: 'risk-ehcp-timeliness' });
    await annie.press(VERBS.riskSave, { 'f.mitigation': 'Weekly QA panel; partner advice escalated after six weeks.', 'f.residualRag': 'Amber', 'f.headline': 'yes' }, { on: { ...annie.sent().at(-1)!, card: changeForm.card } });
    const risk = (await store.loadPlan('shropshire-2026-27'))!.plan.risks.risks.find((r) => r.id === 'risk-ehcp-timeliness')!;
    expect(risk).toMatchObject({ impact: 'High', likelihood: 'High', rag: 'Red', mitigation: 'Weekly QA panel; partner advice escalated after six weeks.' });
    const natasha = await open('natasha-report', playgroundConfig(who(NATASHA), ROSTER));
    const report = cardText((await natasha.say('report'))[0]!.card!);
    expect(report).toContain('Re-scored: High × Medium (Amber) → High × High (Red)');
  });
});
