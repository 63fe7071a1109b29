import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PostgresStore } from '../../src/storage/sql/sql.store';
import { systemClock } from '../../src/app/ports';
import { fromRoot } from '../../src/paths';
import { button } from '../support/card-inspect';
import { cardText } from '../support/bot.harness';
import { describeWithPostgres, freshDatabase } from '../support/postgres';

const TSX = fromRoot('node_modules', 'tsx', 'dist', 'cli.mjs');
const LEADS = { sarah: '00000000-0000-0000-0000-0000000000021', jess: '00000000-0000-0000-0000-0000000000024', annie: '00000000-0000-0000-0000-0000000000025' };
const POSTS: [lead: string, workstream: string][] = [
  [LEADS.sarah, 'ws-1'],
  [LEADS.sarah, 'ws-1a'],
  [LEADS.jess, 'ws-2'],
  [LEADS.annie, 'ws-3'],
];
const PER_WORKSTREAM = 30;

/** Teams' side of the conversation: every message a bot sends on its own lands here, per conversation. */
const startConnector = async () => {
  const received: { path: string; body: Record<string, unknown> }[] = [];
  const server: Server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: body ? JSON.parse(body) : {} });
      // Not chained: restify, loaded by another test in the same jest worker, replaces writeHead with one that returns nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createHttpServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

const startBot = (env: Record<string, string>): { child: ChildProcess; stderr: () => string } => {
  const child = spawn(process.execPath, [TSX, fromRoot('src', 'index.ts')], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return { child, stderr: () => stderr };
};

const waitFor = async <T>(what: string, check: () => Promise<T | undefined>, ms = 60_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

describeWithPostgres('two bot instances on one PostgreSQL database', (server) => {
  jest.setTimeout(180_000);
  let drop: () => Promise<void>;
  let url: string;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  const bots: { child: ChildProcess; stderr: () => string; base: string }[] = [];
  let sequence = 0;

  const invoke = async (base: string, personId: string, verb: string, data: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `activity-${++sequence}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `user-${personId}`, name: 'A lead', aadObjectId: personId },
        recipient: { id: 'bot-id', name: 'SEND plan' },
        conversation: { id: `conv-${personId}`, conversationType: 'personal' },
        value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { value: unknown }).value;
  };

  beforeAll(async () => {
    connector = await startConnector();
    const db = await freshDatabase(server());
    url = db.url;
    drop = db.drop;
    // The leads have used the bot before (so reminders can reach them) on a database with nothing else in it yet.
    const store = await PostgresStore.open(url, systemClock);
    for (const id of Object.values(LEADS)) {
      await store.saveConversation(id, { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `conv-${id}`, conversationType: 'personal' }, user: { id: `user-${id}`, aadObjectId: id }, bot: { id: 'bot-id' } });
    }
    await store.close();
    // Both start at once on it: one of them seeds the demo plan. Reminders are due at once (90 days before quarter end).
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const bot = startBot({ DATABASE_URL: url, PORT: String(port), ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'warn', REMINDER_INTERVAL_SECONDS: '5', UPDATE_REMINDER_DAYS_BEFORE: '90', NODE_ENV: 'development' });
      bots.push({ ...bot, base: `http://127.0.0.1:${port}` });
    }
    for (const bot of bots) await waitFor(`the bot at ${bot.base} (${bot.stderr()})`, async () => ((await fetch(`${bot.base}/healthz`)).ok ? true : undefined), 120_000);
  });

  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => new Promise((r) => (b.child.exitCode !== null ? r(null) : b.child.once('exit', r)))));
    await connector?.close();
    await drop?.();
  });

  it('starts both on one database, seeding the demo plan once', async () => {
    const store = await PostgresStore.open(url, systemClock);
    try {
      const seeded = (await store.listAudit('shropshire-2026-27', { limit: 10_000 })).filter((e) => e.version === 1);
      expect(seeded.length).toBeGreaterThan(0);
      expect(new Set(seeded.map((e) => e.at)).size).toBe(1);
      for (const bot of bots) expect(await (await fetch(`${bot.base}/healthz`)).json()).toMatchObject({ status: 'ok', planVersion: 1 });
    } finally {
      await store.close();
    }
  });

  it('sends every due reminder once, though both instances tick', async () => {
    const store = await PostgresStore.open(url, systemClock);
    try {
      const settled = await waitFor('the reminders to be sent', async () => {
        const reminders = await store.listReminders('shropshire-2026-27');
        const sent = reminders.filter((r) => r.status === 'sent');
        return sent.length > 0 && !reminders.some((r) => r.status === 'pending' && r.dueAt <= new Date().toISOString()) && !reminders.some((r) => r.status === 'sending') ? reminders : undefined;
      });
      // Three more ticks of each instance: nothing goes out a second time.
      await new Promise((r) => setTimeout(r, 16_000));
      for (const id of Object.values(LEADS)) {
        const sentTo = settled.filter((r) => r.status === 'sent' && r.personId === id).length;
        expect([id, connector.received.filter((m) => m.path.startsWith(`/v3/conversations/conv-${id}/`)).length]).toEqual([id, sentTo]);
      }
      expect(settled.filter((r) => r.status === 'sent').length).toBeGreaterThanOrEqual(3);
    } finally {
      await store.close();
    }
  });

  it(`numbers ${POSTS.length * PER_WORKSTREAM} quarterly updates posted at once through both 1, 2, 3… per workstream: none lost, none twice`, async () => {
    // The form each lead would open, read from the bot: its milestones' status choices and the quarter it posts.
    const forms = await Promise.all(
      POSTS.map(async ([lead, workstream]) => {
        const card = await invoke(bots[0]!.base, lead, 'update.show', { workstream });
        const post = button(card, /^Post/);
        const values: Record<string, unknown> = { actual: '47%', narrative: 'On track.' };
        const walk = (node: unknown): void => {
          if (Array.isArray(node)) return node.forEach(walk);
          if (!node || typeof node !== 'object') return;
          const n = node as { type?: string; id?: string; choices?: { value: string }[] };
          if (n.type === 'Input.ChoiceSet' && n.id?.startsWith('status.')) values[n.id] = n.choices![0]!.value;
          Object.values(n).forEach(walk);
        };
        walk(card);
        return { lead, workstream, data: { ...post, ...values } };
      }),
    );
    const jobs = forms.flatMap((f) => Array.from({ length: PER_WORKSTREAM }, (_, i) => ({ ...f, bot: bots[i % 2]! })));
    const numbers = new Map<string, number[]>();
    let next = 0;
    const worker = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const card = await invoke(job.bot.base, job.lead, 'update.post', job.data);
        const posted = /Posted: update (\d+)/.exec(cardText(card));
        if (!posted) throw new Error(`Not posted:\n${cardText(card)}`);
        numbers.set(job.workstream, [...(numbers.get(job.workstream) ?? []), Number(posted[1])]);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const expected = Array.from({ length: PER_WORKSTREAM }, (_, i) => i + 1);
    for (const [, workstream] of POSTS) expect([workstream, [...numbers.get(workstream)!].sort((a, b) => a - b)]).toEqual([workstream, expected]);

    const store = await PostgresStore.open(url, systemClock);
    try {
      const stored = await store.listUpdates({ planId: 'shropshire-2026-27' });
      expect(stored).toHaveLength(POSTS.length * PER_WORKSTREAM);
      for (const [, workstream] of POSTS) expect(stored.filter((u) => u.workstreamId === workstream).map((u) => u.sequence)).toEqual(expected);
    } finally {
      await store.close();
    }
  });
});
