import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapStore } from '../../src/app/bootstrap.service';
import type { Store } from '../../src/app/ports';
import { createServices } from '../../src/app/services';
import { demoPlan } from '../../src/demo/demo-plan';
import type { Plan } from '../../src/domain/plan.schema';
import { fromRoot } from '../../src/paths';
import { readRosterFile } from '../../src/storage/roster-file';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';
import { callsTold } from '../support/store-calls';

/**
 * A quarterly post is checked against the plan as this instance last read it, and kept only if the
 * plan is still at that version: here a second instance on the same database changes the plan
 * after the first has read it, so the first one's reading is old without its knowing.
 */
const PLAN = 'shropshire-2026-27';
const roster = readRosterFile(fromRoot('config', 'roster.demo.json'));
const lead = roster.find((p) => p.roles.some((r) => r.role === 'workstream-lead' && r.workstreams.includes('ws-3')))!;
const meta = { actorId: 'sro', summary: 'Changed on the other instance' };

describe('a quarterly post, when another instance changed the plan after this one read it', () => {
  let dir: string;
  let here: Store;
  let there: Store;
  let calls: string[];
  const clock = new ManualClock(new Date('2026-10-05T09:00:00Z'));

  const changeThere = async (change: (plan: Plan) => void) => {
    const current = (await there.loadPlan(PLAN))!;
    const plan = structuredClone(current.plan) as Plan;
    change(plan);
    return (await there.savePlan(PLAN, current.version, plan, meta)).snapshot.version;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'send-update-'));
    here = await SqliteStore.open(join(dir, 'plan.db'), clock);
    await bootstrapStore(here, { planId: PLAN, roster, seedPlan: demoPlan });
    there = await SqliteStore.open(join(dir, 'plan.db'), clock);
    calls = [];
  });
  afterEach(async () => {
    await Promise.all([here.close(), there.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (values: Record<string, unknown>, requestId: string) => {
    const services = createServices({ store: callsTold(here, (method) => calls.push(method)), planId: PLAN, clock, notifier: { notify: async () => 'no-conversation' } });
    return services.updates.post(lead, 'ws-3', '2026-Q3', values, requestId);
  };
  const statuses = async () => {
    const plan = (await here.loadPlan(PLAN))!.plan;
    const q3 = plan.deliveryPlan.workstreams.find((w) => w.id === 'ws-3')!.quarters.Q3;
    return Object.fromEntries(q3.milestones.map((m) => [`status.${m.id}`, 'on-track']));
  };

  it('is kept once, against the plan read afresh, when the change was elsewhere in the plan', async () => {
    const values = await statuses();
    calls = [];
    const version = await changeThere((p) => (p.engagement.narrative = 'Changed elsewhere'));
    const result = await post({ ...values, narrative: 'Recruitment on plan.' }, 'r1');
    expect('stored' in result && [result.stored.sequence, result.stored.narrative]).toEqual([1, 'Recruitment on plan.']);
    // Tried on the old reading and refused, then read afresh and kept: one post, at the new version.
    expect(calls).toEqual(['knownPlan', 'addUpdate', 'loadPlan', 'addUpdate']);
    expect((await here.listUpdates({ planId: PLAN })).map((u) => u.narrative)).toEqual(['Recruitment on plan.']);
    expect((await here.loadPlan(PLAN))!.version).toBe(version);
  });

  it('asks for the milestone the other instance added, rather than keeping a post that leaves it out', async () => {
    const values = await statuses();
    await changeThere((p) => {
      p.deliveryPlan.workstreams.find((w) => w.id === 'ws-3')!.quarters.Q3.milestones.push({ id: 'ws-3-q3-added', text: 'Added on the other instance' });
    });
    const result = await post({ ...values, narrative: 'Posted on an old reading.' }, 'r2');
    expect('stored' in result).toBe(false);
    expect(result.form.milestones.map((m) => [m.id, m.error])).toContainEqual(['ws-3-q3-added', 'Choose a status.']);
    expect(await here.listUpdates({ planId: PLAN })).toEqual([]);
  });

  it('reads nothing more when the plan is as this instance last read it', async () => {
    const values = await statuses();
    calls = [];
    const result = await post({ ...values, narrative: 'Nothing changed.' }, 'r3');
    expect('stored' in result && result.stored.sequence).toBe(1);
    expect(calls).toEqual(['knownPlan', 'addUpdate']);
  });

  it('answers a retried request with the post it kept, though the plan gained a milestone the values do not answer', async () => {
    const values = { ...(await statuses()), narrative: 'Kept the first time.' };
    expect('stored' in (await post(values, 'r-retry'))).toBe(true);
    await changeThere((p) => {
      p.deliveryPlan.workstreams.find((w) => w.id === 'ws-3')!.quarters.Q3.milestones.push({ id: 'ws-3-q3-added', text: 'Added on the other instance' });
    });
    // Teams retries the same activity: told to put it right, the lead would post it a second time.
    const retried = await post(values, 'r-retry');
    expect('stored' in retried && [retried.stored.id, retried.form.errors]).toEqual(['update-r-retry', {}]);
    // The form that follows is the plan's as it is now, the new milestone waiting for its first report.
    expect(retried.form.milestones.find((m) => m.id === 'ws-3-q3-added')).toMatchObject({ previous: null, error: null });
    expect((await here.listUpdates({ planId: PLAN })).map((u) => u.id)).toEqual(['update-r-retry']);
  });

  it('answers a retried request with the post it kept, and its form from the plan read afresh', async () => {
    const values = await statuses();
    const first = await post({ ...values, narrative: 'Kept once.' }, 'r4');
    await changeThere((p) => (p.engagement.narrative = 'Changed after the post'));
    const retried = await post({ ...values, narrative: 'Kept once.' }, 'r4');
    expect('stored' in first && 'stored' in retried && [retried.stored.id, retried.stored.sequence]).toEqual(['update-r4', 1]);
    expect(await here.listUpdates({ planId: PLAN })).toHaveLength(1);
  });
});
