// Self-test of playground.driver.ts against the real Microsoft 365 Agents Playground and a
// throwaway echo bot (botbuilder's CloudAdapter, no credentials). Not part of `npm test`; run it with
//   npx jest --testMatch '**/playground-driver.selftest.ts' test/support/playground-driver.selftest.ts
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityTypes, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsInfo, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import { fromRoot } from '../../src/paths';
import { startPlayground, type Playground } from './playground.driver';

jest.setTimeout(60_000);

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const card = (title: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }], actions: [{ type: 'Action.Execute', title: 'Press', verb: 'press', data: { n: 1 } }] });

/** An echo bot that also opens a chat, posts to the team's channel and reads the roster when asked. */
const startEchoBot = async () => {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const received: Activity[] = [];
  const errors: unknown[] = [];
  adapter.onTurnError = async (_context, error) => void errors.push(error);
  let team: { id: string; serviceUrl: string; tenantId: string; bot: { id: string; name: string } } | undefined;
  const inChannel = (t: NonNullable<typeof team>): Partial<ConversationReference> => ({ channelId: 'msteams', serviceUrl: t.serviceUrl, bot: t.bot, conversation: { id: t.id, isGroup: true, conversationType: 'channel', tenantId: t.tenantId, name: '' } });
  const logic = async (context: TurnContext) => {
    const a = context.activity;
    received.push(a);
    if (a.type === ActivityTypes.Message) {
      const text = (a.text ?? '').replace(/<at>.*?<\/at>/g, '').trim();
      if (text === 'card') return void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card('A card'))] }));
      if (text.startsWith('dm ') && team) {
        const t = team;
        let chat = '';
        const parameters = { isGroup: false, bot: t.bot, members: [{ id: text.slice(3), name: '' }], tenantId: t.tenantId, channelData: { tenant: { id: t.tenantId } } };
        await adapter.createConversationAsync('', 'msteams', t.serviceUrl, 'https://api.botframework.com', parameters as never, async (c) => {
          chat = c.activity.conversation.id;
          await c.sendActivity('A private word');
          await c.sendActivity({ attachments: [CardFactory.adaptiveCard(card('Your card'))] });
        });
        return void (await context.sendActivity(`opened ${chat}`));
      }
      if (text === 'post' && team) {
        await adapter.continueConversationAsync('', inChannel(team), async (c) => void (await c.sendActivity({ attachments: [CardFactory.adaptiveCard(card('Channel card'))] })));
        return void (await context.sendActivity('posted'));
      }
      if (text === 'roster' && team) {
        const t = team;
        let ids: string[] = [];
        await adapter.continueConversationAsync('', inChannel(t), async (c) => void (ids = (await TeamsInfo.getPagedTeamMembers(c, t.id, 500)).members.map((m) => `${m.id}=${m.aadObjectId}`)));
        return void (await context.sendActivity(`roster ${ids.join(' ')}`));
      }
      return void (await context.sendActivity(`echo: ${text}`));
    }
    if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
      const { verb, data } = (a.value as { action: { verb: string; data: unknown } }).action;
      const body = { statusCode: 200, type: ADAPTIVE, value: card(`pressed ${verb} by ${a.from.aadObjectId} with ${JSON.stringify(data)}`) };
      return void (await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }));
    }
    const teamData = (a.channelData as { team?: { id: string } } | undefined)?.team;
    if (a.type === ActivityTypes.InstallationUpdate && a.action === 'add' && teamData) {
      team = { id: teamData.id, serviceUrl: a.serviceUrl, tenantId: a.conversation.tenantId!, bot: { id: a.recipient.id, name: a.recipient.name } };
      await context.sendActivity('Thanks for adding me');
    }
    if (a.type === ActivityTypes.ConversationUpdate && a.membersAdded?.some((m) => m.id === a.recipient.id)) await context.sendActivity('Hello, team');
  };
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/messages`, received, errors, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

describe('Playground driver against the real Microsoft 365 Agents Playground', () => {
  let bot: Awaited<ReturnType<typeof startEchoBot>>;
  let pg: Playground;
  const last = (type: string) => [...bot.received].reverse().find((a) => a.type === type)!;

  beforeAll(async () => {
    bot = await startEchoBot();
    pg = await startPlayground({ botUrl: bot.url, configPath: fromRoot('.m365agentsplayground.yml') });
  });
  afterAll(async () => {
    await pg?.stop();
    await bot?.close();
  });
  afterEach(() => expect(bot.errors).toEqual([]));

  it('a. lists the conversations from the config', () => {
    const c = pg.conversations();
    expect(c.personalChat).toBe('__PERSONAL_CHAT_ID__');
    expect(c.groupChat).toEqual({ id: '__GROUP_CHAT_ID__', name: 'SEND Partnership Board', members: expect.any(Array) });
    expect(c.team).toEqual({ id: 'team-id', name: 'Shropshire SEND Partnership', aadGroupId: '00000000-0000-0000-0000-000000000031', channels: [{ id: 'team-id', name: 'General' }, { id: 'channel-announcements-id', name: 'Announcements' }] });
    expect(c.me).toMatchObject({ id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020' });
    expect(c.createdChats).toEqual([]);
  });

  it('b. says something in the personal chat and gets the reply', async () => {
    const replies = await pg.say('hello');
    expect(replies.map((r) => r.text)).toEqual(['echo: hello']);
    expect(pg.messagesIn('__PERSONAL_CHAT_ID__').map((m) => m.text)).toEqual(['echo: hello']);
    const got = last('message');
    expect(got.from).toMatchObject({ id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020' });
    expect(got.conversation).toMatchObject({ id: '__PERSONAL_CHAT_ID__', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' });
    expect(got.serviceUrl).toBe(pg.serviceUrl);
  });

  it('b+c. gets a card and presses its Action.Execute button', async () => {
    const [reply] = await pg.say('card');
    expect(reply!.card).toMatchObject({ type: 'AdaptiveCard' });
    const pressed = await pg.press('press', { typed: 'x' });
    expect(pressed.type).toBe(ADAPTIVE);
    expect(JSON.stringify(pressed.card)).toContain('pressed press by 00000000-0000-0000-0000-0000000000020 with {\\"n\\":1,\\"typed\\":\\"x\\"}');
    expect(last('invoke')).toMatchObject({ name: 'adaptiveCard/action', replyToId: reply!.messageId });
  });

  it('d. installs the app in the team', async () => {
    const replies = await pg.installInTeam();
    expect(replies.map((r) => [r.to, r.text])).toEqual([['team-id', 'Thanks for adding me'], ['team-id', 'Hello, team']]);
    const install = bot.received.find((a) => a.type === 'installationUpdate')!;
    expect(install).toMatchObject({ action: 'add', conversation: { id: 'team-id', conversationType: 'channel' }, channelData: { team: { id: 'team-id', aadGroupId: '00000000-0000-0000-0000-000000000031' }, tenant: { id: '00000000-0000-0000-0000-0000000000001' } } });
    expect(last('conversationUpdate').membersAdded).toEqual([{ id: '00000000-0000-0000-0000-00000000000011' }]);
    expect(pg.messagesIn('team-id').map((m) => m.text)).toEqual(['Thanks for adding me', 'Hello, team']);
  });

  it('e. sees what the bot sends to a chat it opened with another user, and presses a button there as them', async () => {
    const [opened] = await pg.say('dm user-id-2');
    const chat = opened!.text!.replace('opened ', '');
    expect(chat).toMatch(/@test\.user$/);
    expect(pg.conversations().createdChats).toEqual([{ conversationId: chat, isGroup: false, members: [{ id: 'user-id-2', name: '' }] }]);
    const there = pg.sentTo(chat);
    expect(there.map((r) => [r.status, r.text ?? 'card'])).toEqual([[201, 'A private word'], [201, 'card']]);
    expect(pg.messagesIn(chat)).toEqual([]); // the Playground keeps it but never shows it
    const pressed = await pg.press('press', {}, { on: there[1], as: 'user-id-2' });
    expect(JSON.stringify(pressed.card)).toContain('pressed press by 00000000-0000-0000-0000-0000000000022');
  });

  it('e. sees a card the bot posts to the channel, and presses it', async () => {
    expect((await pg.say('post')).map((r) => r.text)).toEqual(['posted']);
    const [post] = pg.sentTo('team-id').filter((r) => r.card);
    expect(post).toMatchObject({ to: 'team-id', conversationId: `team-id;messageid=${post!.messageId}` });
    expect(pg.messagesIn('team-id').at(-1)).toMatchObject({ messageId: post!.messageId, postConversationId: post!.conversationId });
    const pressed = await pg.press('press', {}, { on: post });
    expect(last('invoke').conversation).toMatchObject({ id: post!.conversationId, conversationType: 'channel' });
    expect(pressed.type).toBe(ADAPTIVE);
  });

  it('b. says something in the channel (mentioning the bot) and in the group chat', async () => {
    const inChannel = await pg.say('hi all', { conversationId: 'team-id' });
    expect(inChannel.map((r) => r.text)).toEqual(['echo: hi all']);
    expect(inChannel[0]!.to).toMatch(/^team-id;messageid=\d+/);
    expect((await pg.say('hi group', { conversationId: '__GROUP_CHAT_ID__' })).map((r) => r.text)).toEqual(['echo: hi group']);
  });

  it('f. answers roster reads with the mock user ids; a member is found by that id only', async () => {
    const [roster] = await pg.say('roster');
    expect(roster!.text).toContain('user-id-2=00000000-0000-0000-0000-0000000000022');
    const paged = await pg.connector('/v3/conversations/team-id/pagedmembers');
    expect(paged.status).toBe(200);
    expect((paged.body as { members: { id: string }[] }).members.map((m) => m.id)).toEqual(['user-id-0', 'user-id-1', 'user-id-2', 'user-id-3', 'user-id-4', 'user-id-5']);
    expect((await pg.connector('/v3/teams/team-id')).body).toMatchObject({ id: 'team-id', aadGroupId: '00000000-0000-0000-0000-000000000031', tenantId: '00000000-0000-0000-0000-0000000000001', memberCount: 6 });
    expect((await pg.connector('/v3/conversations/team-id/members/user-id-2')).status).toBe(200);
    expect(await pg.connector('/v3/conversations/team-id/members/00000000-0000-0000-0000-0000000000022')).toEqual({ status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'Member not found in conversation' } } });
  });

  it('d. uninstalls the app from the team', async () => {
    await pg.uninstallFromTeam();
    expect(last('installationUpdate')).toMatchObject({ action: 'remove', conversation: { id: 'team-id' } });
    expect(last('conversationUpdate').membersRemoved).toEqual([{ id: '00000000-0000-0000-0000-00000000000011' }]);
  });

  it('keeps the Playground log, and stops the Playground for good', async () => {
    expect(pg.log.some((l) => l.activityName === 'createConversation')).toBe(true);
    const pid = pg.pid;
    await pg.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
