import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/app/ports';
import { bootstrapStore } from '../src/app/bootstrap.service';
import { createServices } from '../src/app/services';
import { demoPlan } from '../src/demo/demo-plan';
import { fromRoot } from '../src/paths';
import { readRosterFile } from '../src/storage/roster-file';
import { openSqlStore } from '../src/storage/sql/sql.store';
import { openPostgres, openSqlite, type SqlDb } from '../src/storage/sql/sql-db';

/**
 * Statements sent to the database for one quarterly-update submission (the update card's
 * `update.post` use case: the write with its audit row, checked against the plan as last read),
 * on each database, and for what every turn reads first (who is asking, with their chat). A
 * statement is a round trip on PostgreSQL.
 */
const count = async (label: string, open: (hooks: { onQuery: () => void }) => SqlDb): Promise<string> => {
  let n = 0;
  const store = await openSqlStore(open({ onQuery: () => void n++ }), systemClock);
  try {
    const planId = `rt-${Date.now()}`;
    const roster = readRosterFile(fromRoot('config', 'roster.demo.json'));
    await bootstrapStore(store, { planId, roster, seedPlan: demoPlan });
    const services = createServices({ store, planId, clock: systemClock, notifier: { notify: async () => 'no-conversation' } });
    const lead = roster.find((p) => p.roles.some((r) => r.role === 'workstream-lead' && r.workstreams.includes('ws-3')))!;
    const form = await services.updates.form(lead, 'ws-3', '2026-Q3');
    const values = Object.fromEntries(form.milestones.map((m) => [`status.${m.id}`, 'on-track']));
    const figures: number[] = [];
    for (let i = 0; i < 5; i++) {
      n = 0;
      // Request ids of this run's own: a post id kept by an earlier run on the same database would be answered as a retry.
      const result = await services.updates.post(lead, 'ws-3', '2026-Q3', { ...values, actual: `${40 + i}%` }, `${planId}-${i}`);
      if (!('stored' in result)) throw new Error('the bench submission was refused');
      figures.push(n);
    }
    // And the turn's own: who is asking, read with their chat (kept already, so not written).
    const chat = { channelId: 'msteams', serviceUrl: 'https://smba.example/uk/', conversation: { id: `a:${lead.id}`, conversationType: 'personal' }, user: { id: `29:${lead.id}`, aadObjectId: lead.id } };
    await store.rememberConversation(lead.id, chat);
    n = 0;
    await store.rememberConversation(lead.id, chat);
    return `${label}: ${figures.join(', ')} statements for each of 5 submissions (the update.post use case), and ${n} for the turn's own (who is asking, with their chat)`;
  } finally {
    await store.close();
  }
};

export const roundTrips = async (): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'send-rt-'));
  try {
    const out = [await count('SQLite', (hooks) => openSqlite(join(dir, 'rt.db'), hooks))];
    const url = process.env.BENCH_POSTGRES_URL;
    out.push(url ? await count('PostgreSQL', (hooks) => openPostgres(url, 2, hooks)) : 'PostgreSQL: skipped (set BENCH_POSTGRES_URL)');
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
