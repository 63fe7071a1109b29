import { readdirSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type restify from 'restify';
import { bootstrapStore } from '../src/app/bootstrap.service';
import type { Store } from '../src/app/ports';
import type { Services } from '../src/app/services';
import { ConfigError, loadConfig } from '../src/config';
import { demoPlan } from '../src/demo/demo-plan';
import { createLogger, routeConsoleTo } from '../src/logger';
import { fromRoot } from '../src/paths';
import { createServer, listen } from '../src/server';
import { readRosterFile } from '../src/storage/roster-file';
import { SqliteStore } from '../src/storage/sql/sql.store';
import { ManualClock } from './support/memory.clock';

const SRO = '00000000-0000-0000-0000-0000000000020';
const STRANGER = '99999999-9999-4999-8999-999999999999';
const TENANT = '0b6c2a51-3e8f-4d2a-9c7b-5f1e2d3c4b5a';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

/** Log lines, as written. */
const captureLog = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'info' }, stream) };
};

/** The Bot Framework channel stand-in: takes the bot's replies and says OK. */
let channel: Server;
let serviceUrl: string;
beforeAll(async () => {
  channel = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"reply"}');
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  channel.closeAllConnections();
  await new Promise<void>((r) => channel.close(() => r()));
});

const activity = (from: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `a-${Math.random()}`,
  channelId: 'msteams',
  serviceUrl,
  text: 'help',
  from: { id: `user-${from}`, aadObjectId: from },
  recipient: { id: 'bot' },
  conversation: { id: `conv-${from}`, conversationType: 'personal' },
  ...extra,
});

describe('the HTTP endpoint after the security review (issue 10)', () => {
  let store: Store;
  let services: Services;
  let server: restify.Server | undefined;
  let base: string;
  let log: ReturnType<typeof captureLog>;

  const start = async (env: NodeJS.ProcessEnv) => {
    const config = loadConfig({ PORT: '0', ALLOW_UNAUTHENTICATED: 'true', ...env });
    store = await SqliteStore.open(':memory:', new ManualClock());
    await bootstrapStore(store, { planId: config.planId, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan });
    log = captureLog();
    ({ server, services } = createServer({ config, store, logger: log.logger }));
    base = `http://127.0.0.1:${await listen(server, 0, config.listenHost)}`;
  };
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers, body });

  afterEach(async () => {
    server?.close();
    server = undefined;
    await store?.close();
  });

  describe('#2 only JSON, capped, nothing on disk', () => {
    it('answers 415 to multipart/form-data and leaves no file in the temp folder', async () => {
      await start({});
      const before = new Set(readdirSync(tmpdir()));
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(200_000, 65)]), 'upload.bin');
      for (let i = 0; i < 5; i += 1) {
        const res = await fetch(`${base}/api/messages`, { method: 'POST', body: form });
        expect(res.status).toBe(415);
        expect(await res.json()).toEqual({ status: 'unsupported media type', message: 'Send the activity as application/json.' });
      }
      // An upload lands as a file; other tests running alongside make folders there, which are not this server's.
      const isFile = (name: string) => {
        try {
          return statSync(join(tmpdir(), name)).isFile();
        } catch {
          return false;
        }
      };
      expect(readdirSync(tmpdir()).filter((f) => !before.has(f) && isFile(f))).toEqual([]);
    });

    it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/jsonp']])('answers 415 to %s', async (type) => {
      await start({});
      expect((await post(JSON.stringify(activity(SRO)), { 'content-type': type })).status).toBe(415);
    });

    it('answers 413 to a body over the cap, and 400 to one that is not JSON', async () => {
      await start({});
      expect((await post(JSON.stringify({ ...activity(SRO), text: 'x'.repeat(600_000) }))).status).toBe(413);
      expect((await post('{not json')).status).toBe(400);
    });
  });

  describe('#10 no internal text leaves the process', () => {
    it.each<[string, string]>([
      ['{}', '{}'],
      ['an array', '[]'],
      ['a string', '"x"'],
      ['from as a string', JSON.stringify({ ...activity(SRO), from: 'x' })],
      ['a null conversation', JSON.stringify({ ...activity(SRO), conversation: null })],
      ['a numeric type', JSON.stringify({ ...activity(SRO), type: 42 })],
      ['only a type', JSON.stringify({ type: 'message' })],
      ['a sender with no id', JSON.stringify({ ...activity(SRO), from: {} })],
      // Issue 19: these reached botbuilder, which failed inside the turn with a 500.
      ['a serviceUrl that is not an address', JSON.stringify({ ...activity(SRO), serviceUrl: 'not a url' })],
      ['a serviceUrl that is not http', JSON.stringify({ ...activity(SRO), serviceUrl: 'ftp://files.example/' })],
      ['a conversation type that is not text', JSON.stringify({ ...activity(SRO), conversation: { id: 'c', conversationType: 5 } })],
      ['an aadObjectId that is not text', JSON.stringify({ ...activity(SRO), from: { id: 'u', aadObjectId: { $ne: null } } })],
      ['an aadObjectId of 10,000 characters', JSON.stringify({ ...activity(SRO), from: { id: 'u', aadObjectId: 'x'.repeat(10_000) } })],
      ['text that is not text', JSON.stringify({ ...activity(SRO), text: { a: 1 } })],
      ['membersAdded that is not a list', JSON.stringify({ ...activity(SRO), type: 'conversationUpdate', membersAdded: 'everyone' })],
      ['a team id that is not text', JSON.stringify({ ...activity(SRO), type: 'installationUpdate', action: 'add', channelData: { team: { id: 5 } } })],
    ])('answers 400 with our own words to %s', async (_what, body) => {
      await start({});
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ status: 'bad request', message: 'The request body is not a Bot Framework activity.' });
    });

    it('answers 400, not 500, to an invoke nothing answers', async () => {
      await start({});
      const res = await post(JSON.stringify({ ...activity(SRO), type: 'invoke', name: 'adaptiveCard/action', value: 'x' }));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ status: 'bad request' });
    });

    it('answers a forged token with a real-looking key id 401, saying nothing of key servers or exceptions', async () => {
      await start({ ALLOW_UNAUTHENTICATED: undefined, MICROSOFT_APP_ID: '6f1c1e35-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TENANT_ID: TENANT });
      const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const token = `${part({ alg: 'RS256', typ: 'JWT', kid: 'ZyGh1GbBL8xd1kOxRYchc1VPSQQ', x5t: 'ZyGh1GbBL8xd1kOxRYchc1VPSQQ' })}.${part({ iss: 'https://api.botframework.com', aud: '6f1c1e35-0000-4000-8000-000000000001', exp: Math.floor(Date.now() / 1000) + 600, serviceurl: 'http://127.0.0.1:9/' })}.${Buffer.alloc(256, 1).toString('base64url')}`;
      const res = await post(JSON.stringify(activity(SRO, { conversation: { id: 'c', tenantId: TENANT } })), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: 'unauthorized' });
      expect(text).not.toMatch(/https?:|Error|undefined|stack/i);
    });

    it('answers 401 with no details to a request without a token when credentials are set', async () => {
      await start({ ALLOW_UNAUTHENTICATED: undefined, MICROSOFT_APP_ID: '6f1c1e35-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TENANT_ID: TENANT });
      const res = await post(JSON.stringify(activity(SRO)));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ status: 'unauthorized' });
    });

    it('a failure inside a route answers 500 with no internal message', async () => {
      await start({});
      jest.spyOn(services.exports, 'openLink').mockRejectedValueOnce(new Error("Cannot read properties of undefined (reading 'id') at https://login.botframework.com/v1/.well-known/keys"));
      const res = await fetch(`${base}/documents/${'a'.repeat(32)}/plan.docx`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: 'error' });
      expect(text).not.toMatch(/Cannot read|https?:/);
    });
  });

  describe('#8 tenants', () => {
    it('answers 403 to an activity from a tenant that is not allowed, before any work, and serves the allowed one', async () => {
      await start({ ALLOWED_TENANT_IDS: TENANT });
      const findPerson = jest.spyOn(store, 'findPerson');
      const other = await post(JSON.stringify(activity(SRO, { conversation: { id: 'c', tenantId: OTHER_TENANT }, channelData: { tenant: { id: OTHER_TENANT } } })));
      expect(other.status).toBe(403);
      const none = await post(JSON.stringify(activity(SRO)));
      expect(none.status).toBe(403);
      const mixed = await post(JSON.stringify(activity(SRO, { conversation: { id: 'c', tenantId: TENANT }, channelData: { tenant: { id: OTHER_TENANT } } })));
      expect(mixed.status).toBe(403);
      expect(findPerson).not.toHaveBeenCalled();
      const ours = await post(JSON.stringify(activity(SRO, { conversation: { id: 'c', tenantId: TENANT.toUpperCase() } })));
      expect(ours.status).toBe(200);
    });
  });

  describe('#9 fail closed', () => {
    it('refuses to create the server without credentials unless ALLOW_UNAUTHENTICATED=true', async () => {
      const config = loadConfig({ PORT: '0' });
      const st = await SqliteStore.open(':memory:', new ManualClock());
      try {
        expect(() => createServer({ config, store: st, logger: createLogger({ logLevel: 'silent' }) })).toThrow(ConfigError);
        expect(() => createServer({ config, store: st, logger: createLogger({ logLevel: 'silent' }) })).toThrow(/ALLOW_UNAUTHENTICATED=true/);
      } finally {
        void st.close();
      }
    });

    it('an unauthenticated bot listens on 127.0.0.1 only', async () => {
      await start({});
      expect((server!.address() as { address: string }).address).toBe('127.0.0.1');
    });
  });

  describe('#12 rate limits', () => {
    it('limits one person, answering 429 with Retry-After before any work, while others go on', async () => {
      await start({ RATE_LIMIT_PER_PERSON: '3', RATE_LIMIT_PER_IP: '100' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await post(JSON.stringify(activity(SRO)))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const findPerson = jest.spyOn(store, 'findPerson');
      const limited = await post(JSON.stringify(activity(SRO)));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(findPerson).not.toHaveBeenCalled();
      expect((await post(JSON.stringify(activity(STRANGER)))).status).toBe(200);
    });

    it('limits one client address, whatever it sends', async () => {
      await start({ RATE_LIMIT_PER_PERSON: '100', RATE_LIMIT_PER_IP: '2' });
      expect((await post('{}')).status).toBe(400);
      expect((await post('{}')).status).toBe(400);
      const res = await post('{}');
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });
  });

  describe('#11 logs', () => {
    it('logs the unknown person path with ids only: no SRO name or email, one JSON line per event', async () => {
      await start({});
      expect((await post(JSON.stringify(activity(STRANGER)))).status).toBe(200);
      expect(log.lines.length).toBeGreaterThan(0);
      for (const line of log.lines) {
        expect(() => JSON.parse(line)).not.toThrow();
        expect(line).not.toMatch(/Natasha|natasha\.moody|@shropshire/i);
      }
    });

    it('routes console.error (botbuilder stack traces) into one JSON line', () => {
      const { lines, logger } = captureLog();
      const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info };
      try {
        routeConsoleTo(logger);
        console.error(new Error('boom\nsecond line'));
        console.warn('BadRequest: Missing activity or activity type.');
      } finally {
        Object.assign(console, saved);
      }
      expect(lines).toHaveLength(2);
      const first = JSON.parse(lines[0]!);
      expect(first).toMatchObject({ level: 50, source: 'console', err: { type: 'Error', message: 'boom\nsecond line' } });
      expect(JSON.parse(lines[1]!)).toMatchObject({ level: 40, msg: 'BadRequest: Missing activity or activity type.' });
    });

    it('an error logged with details that name people keeps only type, code and message', () => {
      const { lines, logger } = captureLog();
      const error = Object.assign(new Error('not on the roster'), { code: 'ROSTER.UNKNOWN_PERSON', details: { contacts: [{ name: 'Natasha Moody', email: 'natasha.moody@shropshire.example' }] } });
      logger.warn({ err: error, from: STRANGER }, 'turn failed');
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/Natasha|natasha/);
      expect(JSON.parse(lines[0]!)).toMatchObject({ from: STRANGER, err: { type: 'Error', code: 'ROSTER.UNKNOWN_PERSON' } });
    });
  });
});
