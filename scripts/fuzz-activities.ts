/**
 * npm run fuzz [-- COUNT]: hostile activities over real HTTP against the real bot on a real
 * SQLite file, with well-formed writes mixed in. Counts what a security review asks about:
 * crashes, 5xx answers, acknowledged writes that are not in the store, and acts accepted from
 * people who may not do them. Loopback only; stops by itself.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapStore } from '../src/app/bootstrap.service';
import { systemClock } from '../src/app/ports';
import { loadConfig } from '../src/config';
import { demoPlan } from '../src/demo/demo-plan';
import { createLogger } from '../src/logger';
import { fromRoot } from '../src/paths';
import { createServer, listen } from '../src/server';
import { readRosterFile } from '../src/storage/roster-file';
import { SqliteStore } from '../src/storage/sql/sql.store';
import { VERBS } from '../src/teams/verbs';

const COUNT = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const SRO = '00000000-0000-0000-0000-0000000000020';
const PCF = '00000000-0000-0000-0000-0000000000023';
const LEAD_WS3 = '00000000-0000-0000-0000-0000000000025';
const STRANGER = '99999999-9999-4999-8999-999999999999';
const PEOPLE = [SRO, PCF, LEAD_WS3, STRANGER, '', 'not-a-guid', '../../etc/passwd'];

/** A small seeded generator, so a failing run can be repeated with the same seed. */
const seed = Number(process.env.FUZZ_SEED ?? 20261128);
let state = seed;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const NASTY: readonly unknown[] = [
  null,
  42,
  -1,
  1e308,
  true,
  [],
  {},
  '',
  ' ',
  '\u0000\u0001\uFFFE\uD800',
  '👩‍👧'.repeat(5000),
  'x'.repeat(70_000),
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil")',
  '# heading\n- list\n| a | b |',
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  '2027-02-30',
  'ws-2',
  'round-does-not-exist',
  ['a', 'b'],
];

const hostileData = (): Record<string, unknown> => {
  const data: Record<string, unknown> = {};
  const keys = ['section', 'step', 'baseVersion', 'row', 'risk', 'dependency', 'mode', 'workstream', 'quarter', 'version', 'item', 'round', 'role', 'requirement', 'f.description', 'f.scale', 'f.impact', 'f.likelihood', 'f.headline', 'f.theme', 'f.said', 'f.reason', 'spend.spend-data.transformation', 'cardVersion'];
  for (let i = 0; i < 1 + Math.floor(random() * 6); i += 1) data[pick(keys)] = pick([...NASTY, 'risks', 'deliveryPlan', 1, 2, 'add', 'close', '2026-Q3', 'ws-3']);
  return data;
};

const activity = (serviceUrl: string, from: string, n: number): unknown => {
  const base = {
    id: `fuzz-${n}`,
    channelId: 'msteams',
    serviceUrl,
    from: from ? { id: `user-${from}`, aadObjectId: from } : {},
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: `conv-${from || 'anon'}`, conversationType: pick(['personal', 'channel', 'groupChat']) },
  };
  const kind = random();
  if (kind < 0.35) return { ...base, type: 'message', text: pick(['help', 'status', 'risks', 'sign-off', 'export', 'spend', 'report q9', 'update ws-2', ...NASTY.filter((x) => typeof x === 'string')]) };
  if (kind < 0.8) {
    const verb = pick(Object.values(VERBS));
    return { ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: pick([verb, verb, 'no.such.verb']), data: { verb, ...hostileData() } }, trigger: 'manual' } };
  }
  // Malformed shapes: wrong types where the adapter expects objects.
  return pick<unknown>([{}, [], { type: 'message' }, { ...base, type: 42 }, { ...base, from: 'x' }, { ...base, conversation: null }, { ...base, type: 'invoke', name: 'adaptiveCard/action', value: 'x' }, { ...base, channelData: { tenant: { id: pick(NASTY) } } }]);
};

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'send-fuzz-'));
  const store = await SqliteStore.open(join(dir, 'fuzz.db'), systemClock);
  const channel = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${randomBytes(4).toString('hex')}` }));
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  const config = loadConfig({ PORT: '0', ALLOW_UNAUTHENTICATED: 'true', RATE_LIMIT_PER_PERSON: '1000000', RATE_LIMIT_PER_IP: '1000000', LOG_LEVEL: 'silent' });
  await bootstrapStore(store, { planId: config.planId, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan });
  const { server } = createServer({ config, store, logger: createLogger({ logLevel: 'silent' }) });
  const base = `http://127.0.0.1:${await listen(server, 0)}`;
  const statuses = new Map<number, number>();
  const acknowledged: string[] = [];
  let crashes = 0;
  const started = Date.now();
  try {
    // Several requests in flight at once, as several people would send them: writes race each other.
    const send = async (n: number): Promise<void> => {
      let body: string;
      let contentType = 'application/json';
      const shape = random();
      if (n % 50 === 0) {
        // A well-formed write by the SRO: if the bot says it saved, it must be in the store.
        const description = `Fuzz risk ${n} ${randomBytes(3).toString('hex')}`;
        body = JSON.stringify({
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: `write-${n}`,
          channelId: 'msteams',
          serviceUrl,
          from: { id: 'user-sro', aadObjectId: SRO },
          recipient: { id: 'bot' },
          conversation: { id: 'conv-sro', conversationType: 'personal' },
          value: { action: { type: 'Action.Execute', verb: VERBS.riskSave, data: { verb: VERBS.riskSave, mode: 'add', 'f.description': description, 'f.scale': 'high-medium-low', 'f.impact': 'Low', 'f.likelihood': 'Low', 'f.headline': 'false' } }, trigger: 'manual' },
        });
        const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        if (res.status === 200 && text.includes('Saved')) acknowledged.push(description);
        return;
      }
      if (shape < 0.05) body = randomBytes(Math.floor(random() * 2000)).toString('latin1');
      else if (shape < 0.08) body = 'x'.repeat(700_000);
      else if (shape < 0.1) {
        body = '--b\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\nAAAA\r\n--b--';
        contentType = 'multipart/form-data; boundary=b';
      }
      else body = JSON.stringify(activity(serviceUrl, pick(PEOPLE), n));
      try {
        const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await res.arrayBuffer();
      } catch {
        crashes += 1;
      }
      if (n % 500 === 0) {
        const health = await fetch(`${base}/healthz`).catch(() => null);
        if (!health || health.status !== 200) crashes += 1;
      }
    };
    for (let n = 0; n < COUNT; n += CONCURRENCY) await Promise.all(Array.from({ length: Math.min(CONCURRENCY, COUNT - n) }, (_, i) => send(n + i)));
    const plan = (await store.loadPlan(config.planId))!.plan;
    const lost = acknowledged.filter((d) => !plan.risks.risks.some((r) => r.description === d));
    const audit = await store.listAudit(config.planId, { limit: 100_000 });
    const forged = audit.filter((e) => [PCF, STRANGER, '', 'not-a-guid'].includes(e.actorId) && e.kind.startsWith('risk'));
    const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    process.stdout.write(
      [
        `fuzz: ${COUNT} activities, ${CONCURRENCY} at a time, in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
        `HTTP statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`).join(', ')}`,
        `crashes or failed health checks: ${crashes}`,
        `5xx answers: ${fivexx}`,
        `acknowledged writes: ${acknowledged.length}, lost: ${lost.length}`,
        `risk changes by people who may not make them: ${forged.length}`,
        `prototype polluted: ${({} as Record<string, unknown>).polluted === undefined ? 'no' : 'YES'}`,
      ].join('\n') + '\n',
    );
    process.exitCode = crashes || fivexx || lost.length || forged.length ? 1 : 0;
  } finally {
    server.close();
    channel.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
