// Drives the real Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) over its own
// HTTP API and its two websockets, with no browser: what the Playground's web client does, as code.
// Findings behind every call here: playground.driver.md (next to this file).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Json = Record<string, unknown>;
export interface Attachment { contentType: string; content?: unknown }
/** An activity the bot sent to the Playground's connector (POST/PUT /_connector/v3/conversations/...). */
export type BotActivity = Json & { type?: string; id?: string; text?: string; attachments?: Attachment[]; conversation?: { id: string } };

/** One entry of the Playground's LogService (websocket /_ws/log/stream): every request either way. */
export interface LogItem {
  id: string;
  type: 'bot' | 'text';
  level?: 'default' | 'warning' | 'error';
  timestamp: number;
  conversationId?: string;
  /** The activity type, or for connector reads e.g. getConversationPagedMembers, createConversation. */
  activityName?: string;
  messageId?: string;
  from?: 'User Application' | 'Microsoft 365 Agents Playground';
  request?: { body?: Json };
  response?: { statusCode: number; body: unknown };
  displayText?: string;
}

/** A message the bot sent (from the log): to any conversation, shown by the Playground or not. */
export interface Reply {
  /** The conversation the bot addressed (activity.conversation.id): a channel's id for a new post. */
  to: string;
  /** Where the Playground keeps the message (a new channel post gets `channel;messageid=N`): what press() needs. */
  conversationId: string;
  /** The Playground's message id (the connector's answer): press() sends it as replyToId. */
  messageId: string;
  kind: 'send' | 'update';
  status: number;
  activity: BotActivity;
  text?: string;
  /** The first Adaptive Card attached, if any. */
  card?: Json;
}

/** A message as the Playground shows it (websocket /_ws_conversation/v1/conversations/stream). */
export interface ShownMessage {
  conversationId: string;
  postConversationId?: string;
  messageId: string;
  from: string;
  text?: string;
  attachments: Attachment[];
  updated: boolean;
}

export interface MockUser { id: string; name: string; aadObjectId: string; userPrincipleName?: string; email?: string }
export interface Conversations {
  tenantId: string;
  bot: { id: string; name: string };
  me: MockUser;
  users: MockUser[];
  personalChat: string;
  groupChat: { id: string; name: string };
  /** channels[0] is General, whose id is the team's id. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
  /** Chats the bot opened with POST /v3/conversations (the Playground keeps them but never shows them). */
  createdChats: { conversationId: string; isGroup: boolean; members: { id: string }[] }[];
}

export interface PressResult { type: string; value: unknown; card?: Json; replies: Reply[] }
export type CustomActivityType = 'install' | 'uninstall' | 'botAdded' | 'botRemoved' | 'userAdded' | 'userRemoved' | 'channelCreated' | 'channelRenamed' | 'channelDeleted' | 'teamRenamed' | 'teamDeleted';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botUrl: string;
  /** A Playground config (.m365agentsplayground.yml format). */
  configPath: string;
  /** Asked for; the Playground picks another if it is taken, and the driver follows it. */
  port?: number;
  readyTimeoutMs?: number;
  /** How long one turn (the bot answering one activity) may take. */
  turnTimeoutMs?: number;
}

const PLAYGROUND: LogItem['from'] = 'Microsoft 365 Agents Playground';
const APP: LogItem['from'] = 'User Application';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Poll until `probe` gives a value; bounded. */
export const waitFor = async <T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string | (() => string)): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A receive-only WebSocket client (RFC 6455; Node 20 has none built in): text frames to `onText`. */
const openStream = (url: string, onText: (text: string) => void, timeoutMs: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const headers = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') };
    const req = httpRequest(url, { headers, timeout: timeoutMs });
    req.on('upgrade', (_res, socket: Socket, head: Buffer) => {
      socket.setTimeout(0);
      let buf = Buffer.alloc(0);
      let parts: Buffer[] = [];
      const onData = (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 2) {
          const fin = (buf[0]! & 0x80) !== 0;
          const op = buf[0]! & 0x0f;
          const masked = (buf[1]! & 0x80) !== 0;
          let len = buf[1]! & 0x7f;
          let at = 2;
          if (len === 126) {
            if (buf.length < 4) return;
            len = buf.readUInt16BE(2);
            at = 4;
          } else if (len === 127) {
            if (buf.length < 10) return;
            len = Number(buf.readBigUInt64BE(2));
            at = 10;
          }
          const maskAt = at;
          if (masked) at += 4;
          if (buf.length < at + len) return;
          const payload = Buffer.from(buf.subarray(at, at + len));
          if (masked) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ buf[maskAt + (i & 3)]!;
          buf = buf.subarray(at + len);
          if (op === 0x8) return void socket.end();
          // A ping: answer with a (client-masked, zero-key) pong carrying the same payload.
          if (op === 0x9) socket.write(Buffer.concat([Buffer.from([0x8a, 0x80 | payload.length, 0, 0, 0, 0]), payload]));
          if (op <= 0x2) {
            parts.push(payload);
            if (fin) {
              onText(Buffer.concat(parts).toString('utf8'));
              parts = [];
            }
          }
        }
      };
      socket.on('data', onData);
      socket.on('error', () => undefined);
      if (head.length) onData(head);
      resolve(socket);
    });
    req.on('response', (res) => reject(new Error(`No websocket at ${url}: HTTP ${res.statusCode}`)));
    req.on('timeout', () => req.destroy(new Error(`No websocket at ${url}: timed out`)));
    req.on('error', reject);
    req.end();
  });

/** Every object in a card (body, actions, action sets, show-cards), depth first. */
const walk = function* (node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const item of node) yield* walk(item);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const value of Object.values(node)) yield* walk(value);
  }
};
/** The Action.Execute with this verb on a card, if any. */
export const executeAction = (card: unknown, verb: string): Json | undefined => [...walk(card)].find((n) => n.type === 'Action.Execute' && n.verb === verb);

export type Playground = Awaited<ReturnType<typeof startPlayground>>;

/** Start the Playground against `botUrl`, wait until it answers and both websockets are open. */
export const startPlayground = async (options: PlaygroundOptions) => {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const turnTimeoutMs = options.turnTimeoutMs ?? 15_000;
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const logFile = join(dir, 'playground.log');
  // The Playground quits when PORT is set; it opens a browser unless told not to; it writes its log
  // file (and any events recording) under its working directory unless told where.
  const { PORT: _port, ...env } = process.env;
  Object.assign(env, { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath, M365_AGENTS_PLAYGROUND_LOGFILE: logFile });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js'); // what node_modules/.bin/agentsplayground runs
  const askedPort = options.port ?? (await freePort());
  const args = ['--app-endpoint', options.botUrl, '--channel-id', 'msteams', '--port', String(askedPort), '--disable-telemetry'];
  const child: ChildProcess = spawn(process.execPath, [cli, ...args], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => void (exited = true));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL'); // never leave it running, even if stop() is forgotten
  process.once('exit', onExit);

  const sockets: Socket[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    sockets.forEach((s) => s.destroy());
    if (!exited) {
      killGroup('SIGTERM');
      await waitFor(() => exited, 3000, 'the Playground to stop').catch(() => killGroup('SIGKILL'));
      await waitFor(() => exited, 2000, 'the Playground to be killed').catch(() => undefined);
    }
    process.removeListener('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
  };

  // Its own messages (a bad config, say) go to its log file only: stdout is not a terminal.
  const logText = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-5000);
    } catch {
      return '';
    }
  };
  const alive = () => {
    if (exited) throw new Error(`The Playground exited while starting:\n${output}\n${logText()}`);
  };
  try {
    const port = await waitFor(() => {
      alive();
      const m = /Listening on (\d+)/.exec(output);
      return m ? Number(m[1]) : undefined;
    }, readyTimeoutMs, () => `the Playground to listen:\n${output}\n${logText()}`);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (alive(), (await fetch(`${base}/_debug/ping`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined))?.ok), readyTimeoutMs, () => `/_debug/ping:\n${logText()}`);
    return await drive(base, port, { stop, output: () => output, pid: child.pid!, logFile, sockets, turnTimeoutMs });
  } catch (error) {
    await stop();
    throw error;
  }
};

interface Process { stop: () => Promise<void>; output: () => string; pid: number; logFile: string; sockets: Socket[]; turnTimeoutMs: number }

const drive = async (base: string, port: number, proc: Process) => {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(proc.turnTimeoutMs) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };

  const raw = (await ok<{ config: Json }>('GET', '/_internal/v1/testConfig')).config as {
    tenantId: string; bot: { id: string; name: string }; currentUser: MockUser; users: MockUser[];
    personalChat: { id: string }; groupChats: { id: string; name: string }[];
    teams: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] }[];
  };
  const team = raw.teams[0]!;
  const channelIds = new Set(team.channels.map((c) => c.id));

  const log: LogItem[] = [];
  const shown: ShownMessage[] = [];
  const onLog = (text: string) => {
    const data = JSON.parse(text) as { logAction?: string; log?: LogItem };
    if (data.logAction === 'appendLog' && data.log) log.push(data.log);
  };
  const onConversation = (text: string) => {
    const data = JSON.parse(text) as { action: string; actionConversationId: string; message?: Json & { messageId: string; from: { id: string }; text?: string; attachments?: Attachment[]; postConversationId?: string } };
    const m = data.message;
    if (!m) return; // typing
    const message: ShownMessage = { conversationId: data.actionConversationId, postConversationId: m.postConversationId, messageId: m.messageId, from: m.from.id, text: m.text, attachments: m.attachments ?? [], updated: data.action === 'updateMessage' };
    const at = shown.findIndex((s) => s.messageId === m.messageId);
    if (data.action === 'updateMessage' && at >= 0) shown[at] = { ...message, conversationId: shown[at]!.conversationId, postConversationId: shown[at]!.postConversationId };
    else shown.push(message);
  };
  const ws = base; // the upgrade is an ordinary HTTP request
  proc.sockets.push(await openStream(`${ws}/_ws/log/stream`, onLog, 5000), await openStream(`${ws}/_ws_conversation/v1/conversations/stream`, onConversation, 5000));

  const toReply = (item: LogItem): Reply | undefined => {
    // A channel post opened with POST /v3/conversations (isGroup, channelData.channel.id, activity).
    const opened = item.request?.body as { isGroup?: boolean; activity?: BotActivity; channelData?: { channel?: { id?: string } } } | undefined;
    if (item.from === APP && item.activityName === 'createConversation' && opened?.isGroup && opened.activity && item.response?.statusCode === 201) {
      const answer = item.response.body as { id: string; activityId: string };
      const card = opened.activity.attachments?.find((a) => a.contentType === ADAPTIVE)?.content as Json | undefined;
      return { to: opened.channelData?.channel?.id ?? '', conversationId: answer.id, messageId: answer.activityId, kind: 'send', status: 201, activity: opened.activity, text: opened.activity.text, card };
    }
    const activity = item.request?.body as BotActivity | undefined;
    if (item.from !== APP || item.type !== 'bot' || !activity?.type || activity.type === 'typing' || activity.type === 'trace') return undefined;
    const answer = item.response?.body as { id?: string } | undefined;
    const messageId = answer?.id ?? activity.id ?? '';
    const to = activity.conversation?.id ?? item.conversationId ?? '';
    const card = activity.attachments?.find((a) => a.contentType === ADAPTIVE)?.content as Json | undefined;
    return { to, conversationId: channelIds.has(to) ? `${to};messageid=${messageId}` : to, messageId, kind: activity.id ? 'update' : 'send', status: item.response?.statusCode ?? 0, activity, text: activity.text, card };
  };
  const repliesIn = (items: LogItem[]) => items.map(toReply).filter((r): r is Reply => !!r);
  /** Sent where the current user can see it (the Playground shows it), not to a chat with someone else. */
  const visible = (r: Reply) => r.to === raw.personalChat.id || r.to === raw.groupChats[0]!.id || channelIds.has(r.to.split(';')[0]!);

  /** Run one exchange: everything logged from `start` until `count` items match `done` (the Playground's own record of the bot's answer). */
  const turn = async (what: string, start: () => Promise<void>, done: (item: LogItem) => boolean, count = 1) => {
    const from = log.length;
    await start();
    const warnings = () => log.slice(from).filter((l) => l.type === 'text').map((l) => l.displayText);
    const end = await waitFor(() => {
      let seen = 0;
      for (let i = from; i < log.length; i++) if (done(log[i]!) && ++seen === count) return i + 1;
      const unreachable = warnings().find((w) => w?.startsWith('Cannot connect to your app'));
      if (unreachable) throw new Error(`${what}: ${unreachable}`);
      return undefined;
    }, proc.turnTimeoutMs, () => `${what} (Playground warnings: ${warnings().join(' | ') || 'none'})`);
    const window = log.slice(from, end);
    // The same messages come over the other websocket first; wait for them, so messagesIn() is complete.
    const toShow = repliesIn(window).filter((r) => r.status < 300 && visible(r));
    await waitFor(() => toShow.every((r) => shown.some((m) => m.messageId === r.messageId)), 2000, `${what}: the Playground to show the replies`);
    const failed = window.find((l) => l.from === PLAYGROUND && done(l) && (l.response?.statusCode ?? 0) >= 400);
    if (failed) throw new Error(`The bot answered ${failed.response?.statusCode} to ${what}: ${JSON.stringify(failed.response?.body)}`);
    return window;
  };
  const answered = (name: string, conversationId: string, test: (a: Json) => boolean = () => true) => (l: LogItem) =>
    l.from === PLAYGROUND && l.activityName === name && l.conversationId === conversationId && test(l.request?.body ?? {});

  const sendMock = async (type: CustomActivityType, conversationId: string, patch: (a: Json) => Json = (a) => a) => {
    const activity = patch(await ok<Json>('GET', `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=${type}`));
    const window = await turn(`${type} in ${conversationId}`, () => ok('POST', '/_internal/v1/customActivities', activity), (l) => l.from === PLAYGROUND && l.messageId === activity.id);
    return repliesIn(window);
  };

  const sent = () => repliesIn(log);
  const chats = () =>
    log.filter((l) => l.from === APP && l.activityName === 'createConversation' && l.response?.statusCode === 201).map((l) => {
      const body = (l.request?.body ?? {}) as { isGroup?: boolean; members?: { id: string }[] };
      return { conversationId: (l.response!.body as { id: string }).id, isGroup: !!body.isGroup, members: body.members ?? [] };
    });

  return {
    /** e.g. http://127.0.0.1:56150 (the web UI, if you want to look). */
    url: base,
    port,
    pid: proc.pid,
    /** What activities carry as serviceUrl (the Playground's mock connector). */
    serviceUrl: `http://localhost:${port}/_connector`,
    logFile: proc.logFile,
    /** Everything the Playground's LogService reported, both directions, oldest first. */
    log,
    /** The Playground's stdout and stderr (tail). */
    output: proc.output,
    stop: proc.stop,

    /** a. The conversations the Playground knows, and the chats the bot has opened since. */
    conversations: (): Conversations => ({
      tenantId: raw.tenantId,
      bot: raw.bot,
      me: raw.currentUser,
      users: raw.users,
      personalChat: raw.personalChat.id,
      groupChat: raw.groupChats[0]!,
      team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId, channels: team.channels.map((c) => ({ id: c.id, name: c.name })) },
      createdChats: chats(),
    }),

    /**
     * b. Send `text` as the current user (the Playground cannot send as anyone else) and return what
     * the bot sent back into that conversation during the turn. Outside the personal chat the bot is
     * @mentioned, as the Playground only forwards group and channel messages that mention it.
     */
    say: async (text: string, opts: { conversationId?: string } = {}): Promise<Reply[]> => {
      const conversationId = opts.conversationId ?? raw.personalChat.id;
      const mention = `<at>${raw.bot.name}</at>`;
      const personal = conversationId === raw.personalChat.id;
      const body = personal || text.includes(mention)
        ? { from: { id: raw.currentUser.id }, text, textFormat: 'plain' }
        : { from: { id: raw.currentUser.id }, text: `${mention} ${text}`, textFormat: 'plain', mentions: [{ mentioned: { id: raw.bot.id }, text: mention }] };
      let target = conversationId;
      const window = await turn(
        `"${text}" in ${conversationId}`,
        async () => {
          const res = await ok<{ messageId: string; postConversationId?: string }>('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
          target = res.postConversationId ?? conversationId;
        },
        (l) => answered('message', target, (a) => a.text === body.text)(l),
      );
      return repliesIn(window).filter((r) => r.to === target);
    },

    /**
     * c. Press an Action.Execute button: invoke adaptiveCard/action with the verb and the button's data
     * merged with `data` (what the user typed). `on` is the card's message (default: the newest card
     * with that verb the current user can see); `as` a mock user id who can see it (default: me).
     */
    press: async (verb: string, data: Json = {}, opts: { on?: Reply; as?: string } = {}): Promise<PressResult> => {
      const on = opts.on ?? [...sent()].reverse().find((r) => r.status < 300 && (opts.as ? true : visible(r)) && executeAction(r.card, verb));
      if (!on) throw new Error(`No card with an Action.Execute "${verb}" to press`);
      const button = executeAction(on.card, verb) ?? {};
      const value = { action: { type: 'Action.Execute', verb, data: { ...((button.data as Json | undefined) ?? {}), ...data } }, trigger: 'manual' };
      let answer: { type: string; value: unknown } = { type: '', value: undefined };
      const window = await turn(
        `pressing "${verb}"`,
        async () => {
          answer = await ok('POST', '/_conversation/v1/invoke', { name: 'adaptiveCard/action', value, from: { id: opts.as ?? raw.currentUser.id }, conversation: { id: on.conversationId }, replyToId: on.messageId });
        },
        answered('invoke', on.conversationId, (a) => a.replyToId === on.messageId),
      );
      return { ...answer, card: answer.type === ADAPTIVE ? (answer.value as Json) : undefined, replies: repliesIn(window) };
    },

    /** d. Any "Mock an Activity" template, sent as the Playground's menu sends it; returns what the bot sent meanwhile. */
    mock: sendMock,
    /** d. Install the app in the team: installationUpdate add, then conversationUpdate with the bot in membersAdded. */
    installInTeam: async (channelId: string = team.id) => [...(await sendMock('install', channelId)), ...(await sendMock('botAdded', channelId))],
    /** d. Remove it: installationUpdate remove, then conversationUpdate with the bot in membersRemoved. */
    uninstallFromTeam: async () => [...(await sendMock('uninstall', team.id)), ...(await sendMock('botRemoved', team.id))],
    /** What the web client does when a conversation is opened: installationUpdate add and conversationUpdate (bot added), at once. */
    open: async (conversationId: string = raw.personalChat.id) =>
      repliesIn(await turn(`opening ${conversationId}`, () => ok('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {}), (l) => l.from === PLAYGROUND && l.conversationId === conversationId && (l.activityName === 'installationUpdate' || l.activityName === 'conversationUpdate'), 2)),

    /** e. What the Playground shows in a conversation (a channel's id: its top-level posts). Never a chat with another user. */
    messagesIn: (conversationId: string): ShownMessage[] => shown.filter((m) => m.conversationId === conversationId),
    /** e. Everything the bot sent, from the Playground's log: any conversation, shown or not. */
    sent,
    /** e. What the bot sent to one conversation (by the id it addressed, or where the Playground keeps it). */
    sentTo: (conversationId: string): Reply[] => sent().filter((r) => r.to === conversationId || r.conversationId === conversationId),
    /** Wait (bounded) for something the bot does on its own, e.g. `pg.waitFor(() => pg.sentTo(id)[0])`. */
    waitFor: <T>(probe: () => T | undefined | false, timeoutMs = proc.turnTimeoutMs, what = 'the bot') => waitFor(probe, timeoutMs, what),

    /** f. Read the mock connector directly, as the bot would: e.g. `/v3/conversations/team-id/pagedmembers`. */
    connector: (path: string) => call('GET', `/_connector${path}`),
  };
};
