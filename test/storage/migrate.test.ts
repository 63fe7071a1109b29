import { sql } from 'kysely';
import { rowsOf } from '../support/raw-sql';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/storage/sql/migrate';
import { openSqlite } from '../../src/storage/sql/sql-db';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { demoPlan } from '../../src/demo/demo-plan';
import { fromRoot } from '../../src/paths';
import { ManualClock } from '../support/memory.clock';

const SQLITE = fromRoot('src', 'storage', 'migrations', 'sqlite');
const POSTGRES = fromRoot('src', 'storage', 'migrations', 'postgres');

describe('migrations', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'migrate-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('come in pairs: every change after the PostgreSQL baseline exists for both databases', () => {
    const numbers = (folder: string) => readdirSync(folder).filter((f) => /^\d+-.+\.sql$/.test(f)).map((f) => Number(f.split('-')[0]));
    const baseline = Math.min(...numbers(POSTGRES));
    expect(numbers(SQLITE).filter((n) => n > baseline)).toEqual(numbers(POSTGRES).filter((n) => n > baseline));
  });

  it('bring a database kept before the milestone index up to date, indexing the updates it already holds', async () => {
    // A database as the version before this one left it: migrations up to 013 only.
    const older = join(dir, 'older');
    cpSync(SQLITE, older, { recursive: true, filter: (src) => !/\/01[4-9]-|\/0[2-9]\d-/.test(src) });
    const file = join(dir, 'plan.db');
    const db = openSqlite(file);
    expect(await migrate(db, '2026-11-01T00:00:00.000Z', older)).toContain(13);
    await rowsOf(db, sql`INSERT INTO plans (id, version, created_at, updated_at) VALUES ('p', 1, 'x', 'x')`);
    const body = (milestoneId: string) => JSON.stringify({ workstreamId: 'ws-3', quarter: '2026-Q3', milestones: [{ milestoneId, status: 'on-track', rag: 'Green', note: null }], actual: null, narrative: null, blockers: null, supportNeeded: null });
    await rowsOf(db, sql`INSERT INTO workstream_updates (id, plan_id, workstream_id, quarter, sequence, author_id, at, body) VALUES ('u1', 'p', 'ws-3', '2026-Q3', 1, 'a', 'x', ${body('m1')})`);
    await rowsOf(db, sql`INSERT INTO workstream_updates (id, plan_id, workstream_id, quarter, sequence, author_id, at, body) VALUES ('u2', 'p', 'ws-3', '2026-Q3', 2, 'a', 'x', ${body('m2')})`);
    await db.close();

    const store = await SqliteStore.open(file, new ManualClock());
    try {
      expect((await store.latestUpdate({ planId: 'p', workstreamId: 'ws-3', milestoneId: 'm1' }))?.id).toBe('u1');
      expect((await store.latestUpdate({ planId: 'p', workstreamId: 'ws-3', milestoneId: 'm2' }))?.id).toBe('u2');
    } finally {
      await store.close();
    }
  });

  it('apply once: a second start changes nothing', async () => {
    const file = join(dir, 'again.db');
    const first = await SqliteStore.open(file, new ManualClock());
    await first.createPlan('p', demoPlan(), { actorId: 'a', summary: 's' });
    await first.close();
    const db = openSqlite(file);
    expect(await migrate(db, '2026-11-02T00:00:00.000Z')).toEqual([]);
    await db.close();
  });
});
