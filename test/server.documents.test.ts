import type restify from 'restify';
import { bootstrapStore } from '../src/app/bootstrap.service';
import type { Services } from '../src/app/services';
import type { DownloadLink, Store } from '../src/app/ports';
import { loadConfig } from '../src/config';
import { demoPlan } from '../src/demo/demo-plan';
import { createLogger } from '../src/logger';
import { fromRoot } from '../src/paths';
import { createServer, listen } from '../src/server';
import { readRosterFile } from '../src/storage/roster-file';
import { SqliteStore } from '../src/storage/sql/sql.store';
import { ManualClock } from './support/memory.clock';

const SRO = '00000000-0000-0000-0000-0000000000020';
const PCF_REP = '00000000-0000-0000-0000-0000000000023';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('document download links over HTTP', () => {
  let store: Store;
  let server: restify.Server;
  let services: Services;
  let base: string;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock();
    const config = loadConfig({ PORT: '0', DOWNLOAD_LINK_DAYS: '7', ALLOW_UNAUTHENTICATED: 'true' });
    store = await SqliteStore.open(':memory:', clock);
    await bootstrapStore(store, { planId: config.planId, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan });
    ({ server, services } = createServer({ config, store, clock, logger: createLogger({ logLevel: 'silent' }) }));
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterEach(async () => {
    server.close();
    await store.close();
  });

  const linkFor = async (personId: string, format: 'docx' | 'md') => {
    const [{ link, fileName }] = (await services.exports.createLinks((await store.findPerson(personId))!, { kind: 'plan' }, [format])) as [{ link: DownloadLink; fileName: string }];
    return { url: `${base}/documents/${link.token}/${fileName}`, link, fileName };
  };

  it('gives the SRO the plan as a Word file, privately, with the fingerprint it was made from', async () => {
    const { url, fileName, link } = await linkFor(SRO, 'docx');
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-plan-sha256')).toBe((await services.documents.compileCurrent()).hash);
    const verified = await services.verify.verify(Buffer.from(await res.arrayBuffer()), fileName);
    expect(verified.outcome).toBe('match');
  });

  it('answers 410 once the link has expired, and 404 for a token it never issued', async () => {
    const { url, link } = await linkFor(SRO, 'md');
    expect((await fetch(url)).status).toBe(200);
    clock.advance(7 * 86_400_000 - 1000);
    expect((await fetch(url)).status).toBe(200);
    clock.advance(2000);
    const gone = await fetch(url);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('cache-control')).toBe('no-store');
    expect(await gone.json()).toEqual({ status: 'gone', reason: 'This link has expired. Ask the bot for a new one.' });
    expect((await fetch(`${base}/documents/${'x'.repeat(32)}/plan.docx`)).status).toBe(404);
    expect((await fetch(`${base}/documents/${link.token.slice(1)}/plan.docx`)).status).toBe(404);
  });

  it('stops working for someone taken off the roster', async () => {
    const { url } = await linkFor(SRO, 'md');
    expect((await fetch(url)).status).toBe(200);
    const people = (await store.listPeople()).filter((p) => p.id !== SRO);
    await store.replaceRoster(people, { actorId: 'admin', summary: 'Natasha leaves' });
    const res = await fetch(url);
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({ status: 'gone', reason: 'The person this link was made for no longer has access to this document.' });
  });

  it('serves the plan as sent while its sign-off round is open, but not for ever', async () => {
    const round = await services.signOff.request((await store.findPerson(SRO))!, [], 'round-request-1');
    const url = `${base}/signoff/${round.round.token}/plan.md`;
    clock.advance(89 * 86_400_000);
    expect((await fetch(url)).status).toBe(200);
    clock.advance(2 * 86_400_000);
    expect((await fetch(url)).status).toBe(410);
  });

  it('gives no link to someone who may not have the plan', async () => {
    await expect(linkFor(PCF_REP, 'docx')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
