import type { SqlDb } from './sql-db';

/**
 * Named leases for background work. Every instance ticks; whichever holds the lease does the
 * tick's work, and a holder that stops renewing (a crash) loses it when it expires.
 */
export class SqlLeases {
  constructor(private readonly db: SqlDb) {}

  /** True when `holder` now holds `name` until `until`: it was free, expired, or already `holder`'s. */
  async acquire(name: string, holder: string, now: string, until: string): Promise<boolean> {
    await this.db.run('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', name, '', '');
    const changed = await this.db.run('UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at <= ?)', holder, until, name, holder, now);
    return changed === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.run("UPDATE leases SET holder = '', expires_at = '' WHERE name = ? AND holder = ?", name, holder);
  }
}
