import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/app/ports';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';
import { describeStoreContract } from './plan-store.contract';

describeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'send-plan-'));
  const file = join(dir, 'plan.db');
  const clock = new ManualClock();
  let store: Store = await SqliteStore.open(file, clock);
  return {
    get store() {
      return store;
    },
    clock,
    async reopen() {
      await store.close();
      store = await SqliteStore.open(file, clock);
      return store;
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
