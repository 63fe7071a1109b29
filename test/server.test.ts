import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { Understanding } from '../src/app/understanding.port';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { bootstrapStore } from '../src/app/bootstrap.service';
import type { Store } from '../src/app/ports';
import { loadConfig } from '../src/config';
import { demoPlan } from '../src/demo/demo-plan';
import { createLogger } from '../src/logger';
import { fromRoot } from '../src/paths';
import { createServer, listen } from '../src/server';
import { readRosterFile } from '../src/storage/roster-file';
import { SqliteStore } from '../src/storage/sql/sql.store';
import { checkCard } from './support/adaptive-card.validate';
import { cardText } from './support/bot.harness';
import { ManualClock } from './support/memory.clock';

interface Captured {
  path: string;
  body: { type: string; attachments?: { content: unknown }[] };
}

/** A stand-in for the Bot Framework channel: it receives the bot's replies over real HTTP. */
const startChannel = async () => {
  const received: Captured[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createHttpServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(data || '{}') });
      // restify patches Node's response prototype, so no chaining here.
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const next = (count: number) =>
    new Promise<Captured[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply from the bot')), 5000);
      const check = () => (received.length >= count ? (clearTimeout(timer), resolve(received)) : waiters.push(check));
      check();
    });
  return { url, next, close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};

const activity = (serviceUrl: string, text: string, aadObjectId: string) => ({
  type: 'message',
  id: 'activity-1',
  channelId: 'msteams',
  serviceUrl,
  text,
  from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId },
  recipient: { id: 'bot-id', name: 'Test Bot' },
  conversation: { id: 'conversation-1', conversationType: 'personal' },
});

describe('the bot over HTTP', () => {
  let store: Store;
  let server: restify.Server;
  let base: string;
  let channel: Awaited<ReturnType<typeof startChannel>>;

  const start = async (env: NodeJS.ProcessEnv, understanding?: Understanding) => {
    const config = loadConfig({ PORT: '0', ALLOW_UNAUTHENTICATED: 'true', ...env });
    store = await SqliteStore.open(':memory:', new ManualClock());
    await bootstrapStore(store, { planId: config.planId, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan });
    server = createServer({ config, store, logger: createLogger({ logLevel: "silent" }), understanding }).server;
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  };

  beforeEach(async () => {
    channel = await startChannel();
  });
  afterEach(async () => {
    server.close();
    await channel.close();
    await store.close();
  });

  it('answers /healthz with the plan version', async () => {
    await start({});
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', planId: 'shropshire-2026-27', planVersion: 1 });
  });

  it('replies to "help" with a help card sent back to the channel', async () => {
    await start({});
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(channel.url, 'help', '00000000-0000-0000-0000-0000000000020')),
    });
    expect(res.status).toBe(200);
    const [reply] = await channel.next(1);
    expect(reply?.path).toBe('/v3/conversations/conversation-1/activities/activity-1');
    const card = reply?.body.attachments?.[0]?.content;
    expect(checkCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('Hello Natasha Moody');
  });

  it('reads free text with the language model it was given at start-up', async () => {
    const given: Understanding = { understand: async () => ({ intent: 'risks', score: 1, entities: { rag: 'Red' }, alternatives: [], question: false, toSee: false }) };
    await start({}, given);
    await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(channel.url, 'anything at all', '00000000-0000-0000-0000-0000000000020')),
    });
    const [reply] = await channel.next(1);
    expect(cardText(reply?.body.attachments?.[0]?.content)).toContain('Showing the open risks rated red only');
  });

  it('refuses an unsigned request when Microsoft app credentials are configured', async () => {
    await start({ MICROSOFT_APP_ID: '6f1c1e35-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TENANT_ID: '0b6c2a51-3e8f-4d2a-9c7b-5f1e2d3c4b5a' });
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(channel.url, 'help', '00000000-0000-0000-0000-0000000000020')),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a request body that is not an activity', async () => {
    await start({});
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '"just a string"' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
