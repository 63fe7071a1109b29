import type { Store } from '../../src/app/ports';
import { PostgresStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';
import { describeWithPostgres, freshDatabase } from '../support/postgres';
import { describeStoreContract } from './plan-store.contract';

describeWithPostgres('PostgreSQL', (server) => {
  describeStoreContract('PostgreSQL', async () => {
    const db = await freshDatabase(server());
    const clock = new ManualClock();
    let store: Store = await PostgresStore.open(db.url, clock);
    return {
      get store() {
        return store;
      },
      clock,
      async reopen() {
        await store.close();
        store = await PostgresStore.open(db.url, clock);
        return store;
      },
      async dispose() {
        await store.close();
        await db.drop();
      },
    };
  });
});
