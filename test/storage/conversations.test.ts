import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '../../src/app/ports';
import type { Person } from '../../src/domain/people.schema';
import { openSqlStore } from '../../src/storage/sql/sql.store';
import { openPostgres, openSqlite } from '../../src/storage/sql/sql-db';
import { ManualClock } from '../support/memory.clock';
import { describeWithPostgres, freshDatabase } from '../support/postgres';

const ANNIE: Person = { id: 'annie', name: 'Annie Williams', email: null, roles: [{ role: 'workstream-lead', workstreams: ['ws-3'] }] };
const meta = { actorId: 'natasha', summary: 'Natasha adds Annie' };
const CHAT = { channelId: 'msteams', serviceUrl: 'https://smba.example/uk/', conversation: { id: 'a:annie', conversationType: 'personal' }, user: { id: '29:annie', aadObjectId: 'annie' } };
const MOVED = { ...CHAT, serviceUrl: 'https://smba.example/emea/' };

interface Row {
  readonly reference: string;
  readonly updatedAt: string;
  readonly removedAt: string | null;
  /** What says the row was written or locked: SQLite's syncs of the log, PostgreSQL's xmin and xmax. */
  readonly touched: string;
}

/** Every turn from someone's own chat passes it to the store: the same chat again writes nothing, on either database. */
const describeConversations = (engine: string, open: () => Promise<{ store: Store; clock: ManualClock; row: (personId: string) => Promise<Row | undefined>; dispose: () => Promise<void> }>) => {
  describe(`${engine}: remembering where someone can be reached`, () => {
    let h: Awaited<ReturnType<typeof open>>;
    beforeEach(async () => {
      h = await open();
      await h.store.savePerson(ANNIE, 0, meta);
    });
    afterEach(() => h.dispose());

    it('answers who they are, and keeps their chat the first time', async () => {
      expect(await h.store.rememberConversation('annie', CHAT)).toEqual(ANNIE);
      expect(await h.store.loadConversation('annie')).toEqual(CHAT);
      expect((await h.row('annie'))?.updatedAt).toBe(h.clock.now().toISOString());
    });

    it('writes nothing (and locks nothing) for a chat already kept', async () => {
      await h.store.rememberConversation('annie', CHAT);
      const before = await h.row('annie');
      h.clock.advance(60_000);
      expect(await h.store.rememberConversation('annie', CHAT)).toEqual(ANNIE);
      await h.store.saveConversation('annie', CHAT);
      expect(await h.row('annie')).toEqual(before);
    });

    it('keeps a chat that changed, and one the person had removed the app from', async () => {
      await h.store.rememberConversation('annie', CHAT);
      h.clock.advance(60_000);
      await h.store.rememberConversation('annie', MOVED);
      expect(await h.row('annie')).toMatchObject({ reference: JSON.stringify(MOVED), updatedAt: h.clock.now().toISOString(), removedAt: null });
      await h.store.markConversationRemoved('annie');
      expect(await h.store.loadConversation('annie')).toBeNull();
      h.clock.advance(60_000);
      await h.store.rememberConversation('annie', MOVED);
      expect(await h.row('annie')).toMatchObject({ reference: JSON.stringify(MOVED), updatedAt: h.clock.now().toISOString(), removedAt: null });
      expect(await h.store.loadConversation('annie')).toEqual(MOVED);
    });

    it('keeps nothing for someone not on the roster, or taken off it', async () => {
      expect(await h.store.rememberConversation('stranger', CHAT)).toBeNull();
      expect(await h.row('stranger')).toBeUndefined();
      await h.store.removePerson('annie', 1, { actorId: 'natasha', summary: 'Natasha removes Annie' });
      expect(await h.store.rememberConversation('annie', CHAT)).toBeNull();
      expect(await h.row('annie')).toBeUndefined();
    });
  });
};

describeConversations('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conversations-'));
  const file = join(dir, 'plan.db');
  const clock = new ManualClock();
  let syncs = 0;
  const store = await openSqlStore(
    openSqlite(file, {
      syncFile: async () => {
        syncs++;
      },
    }),
    clock,
  );
  const other = new Database(file, { readonly: true });
  return {
    store,
    clock,
    row: async (personId) => {
      const r = other.prepare('SELECT reference, updated_at, removed_at FROM conversations WHERE person_id = ?').get(personId) as { reference: string; updated_at: string; removed_at: string | null } | undefined;
      // Anything written outside a transaction is synced before it is answered: no sync, no write.
      return r && { reference: r.reference, updatedAt: r.updated_at, removedAt: r.removed_at, touched: String(syncs) };
    },
    dispose: async () => {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeWithPostgres('PostgreSQL conversations', (server) => {
  describeConversations('PostgreSQL', async () => {
    const db = await freshDatabase(server());
    const clock = new ManualClock();
    const store = await openSqlStore(openPostgres(db.url, 2), clock);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return {
      store,
      clock,
      row: async (personId) => {
        const { rows } = await client.query<{ reference: string; updated_at: string; removed_at: string | null; touched: string }>(
          'SELECT reference, updated_at, removed_at, xmin::text || \'/\' || xmax::text AS touched FROM conversations WHERE person_id = $1',
          [personId],
        );
        const r = rows[0];
        return r && { reference: r.reference, updatedAt: r.updated_at, removedAt: r.removed_at, touched: r.touched };
      },
      dispose: async () => {
        await client.end();
        await store.close();
        await db.drop();
      },
    };
  });
});
