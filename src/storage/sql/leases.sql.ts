import type { LeaseRepository } from '../../app/ports';
import type { SqlDb } from './sql-db';

/**
 * Named leases for background work. Every instance ticks; whichever holds the lease does the
 * tick's work, and a holder that stops renewing (a crash) loses it when it expires.
 */
export class SqlLeases implements LeaseRepository {
  constructor(private readonly sql: SqlDb) {}

  /** True when `holder` now holds `name` until `until`: it was free, expired, or already `holder`'s. */
  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const { db } = this.sql;
    await db.insertInto('leases').values({ name, holder: '', expires_at: '' }).onConflict((c) => c.column('name').doNothing()).execute();
    const result = await db
      .updateTable('leases')
      .set({ holder, expires_at: until })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<=', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.sql.db.updateTable('leases').set({ holder: '', expires_at: '' }).where('name', '=', name).where('holder', '=', holder).execute();
  }
}
