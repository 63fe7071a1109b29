import type { ChangeMeta, Notification, Store } from '../../src/app/ports';
import { demoPlan } from '../../src/demo/demo-plan';
import { isDomainError } from '../../src/domain/errors';
import type { FeedbackItem } from '../../src/domain/feedback.schema';
import { PostgresStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';
import { describeWithPostgres, freshDatabase } from '../support/postgres';

const PLAN = 'two-instances';
const meta = (actorId: string, extra: Partial<ChangeMeta> = {}): ChangeMeta => ({ actorId, summary: 'concurrency', ...extra });
const update = (quarter = '2026-Q3') => ({ workstreamId: 'ws-3', quarter, milestones: [], actual: '47%', narrative: 'On track.', blockers: null, supportNeeded: null });
const card = (id: string) => ({ id, personId: 'bob', notification: { kind: 'signoff-complete', round: { planVersion: 1, planHash: 'a'.repeat(64) } } as unknown as Notification });

/** Two stores with their own connection pools on one database: what two bot instances are. */
describeWithPostgres('PostgreSQL with two instances', (server) => {
  let drop: () => Promise<void>;
  let a: Store;
  let b: Store;
  const clock = new ManualClock();

  beforeEach(async () => {
    const db = await freshDatabase(server());
    drop = db.drop;
    // Both start on the empty database at once: the schema is made once.
    [a, b] = await Promise.all([PostgresStore.open(db.url, clock, 8), PostgresStore.open(db.url, clock, 8)]);
    await a.createPlan(PLAN, demoPlan(), meta('system'));
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await drop();
  });

  it('numbers 200 updates posted at once through both 1 to 200, none lost, none twice', async () => {
    const posts = Array.from({ length: 200 }, (_, i) => ((i % 2 ? a : b) as Store).addUpdate(PLAN, update(), { id: `u-${i}`, authorId: 'lead', planVersion: 1 }, meta('lead')));
    const stored = await Promise.all(posts);
    expect(stored.map((u) => u.update.sequence).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const listed = await a.listUpdates({ planId: PLAN, workstreamId: 'ws-3' });
    expect(listed.map((u) => u.id).sort()).toEqual(Array.from({ length: 200 }, (_, i) => `u-${i}`).sort());
  });

  it('keeps one update for a post retried on both instances at once', async () => {
    const both = await Promise.all([a, b, a, b].map((s) => s.addUpdate(PLAN, update(), { id: 'same-post', authorId: 'lead', planVersion: 1 }, meta('lead'))));
    expect(new Set(both.map((u) => u.update.sequence))).toEqual(new Set([1]));
    expect(both.filter((u) => !u.replayed)).toHaveLength(1);
    expect(await b.listUpdates({ planId: PLAN })).toHaveLength(1);
  });

  it('lets one of two saves based on the same version win; the other is told it is stale', async () => {
    const v1 = (await a.loadPlan(PLAN))!;
    const edit = (text: string) => ({ ...structuredClone(v1.plan), executiveSummary: { ...v1.plan.executiveSummary, changeStory: text } });
    const results = await Promise.allSettled([a.savePlan(PLAN, v1.version, edit('From A.'), meta('alice')), b.savePlan(PLAN, v1.version, edit('From B.'), meta('bob'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(isDomainError(refused.reason) && refused.reason.code).toBe('PLAN.STALE_VERSION');
    // Each instance reads the winner, whichever cached the plan first.
    expect((await b.loadPlan(PLAN))!.version).toBe(v1.version + 1);
    expect((await a.loadPlan(PLAN))!.plan.executiveSummary.changeStory).toBe((await b.loadPlan(PLAN))!.plan.executiveSummary.changeStory);
  });

  it('applies a save retried on both instances at once exactly once', async () => {
    const v1 = (await a.loadPlan(PLAN))!;
    const next = { ...structuredClone(v1.plan), engagement: { ...v1.plan.engagement, narrative: 'Retried.' } };
    const results = await Promise.all([a, b].map((s) => s.savePlan(PLAN, v1.version, next, meta('alice', { requestId: 'req-1' }))));
    expect(results.filter((r) => r.replayed)).toHaveLength(1);
    expect((await a.listAudit(PLAN)).filter((e) => e.version === v1.version + 1)).toHaveLength(1);
  });

  it('gives each queued notification to one sender when both claim at once', async () => {
    for (let i = 0; i < 20; i++) {
      const notify = Array.from({ length: 10 }, (_, j) => card(`ob-${i}-${j}`));
      await a.addAssignment({ id: `as-${i}`, planId: PLAN, section: 'risks', assigneeId: 'bob', dueDate: null, note: null, assignedBy: 'alice', reviewCommentId: null }, meta('alice', { notify }));
    }
    const now = clock.now().toISOString();
    const claimed: string[] = [];
    const drain = async (s: Store) => {
      for (;;) {
        const rows = await s.claimNotifications(now, '1970-01-01T00:00:00.000Z', 7);
        if (!rows.length) return;
        claimed.push(...rows.map((r) => r.id));
      }
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
  });

  it('gives a reminder to one instance, and the reminder lease to one holder', async () => {
    const at = clock.now().toISOString();
    await a.scheduleReminders(Array.from({ length: 30 }, (_, i) => ({ id: `r-${i}`, planId: PLAN, kind: 'update-nudge' as const, quarter: '2026-Q3', personId: 'lead', dueAt: at })));
    const claims = await Promise.all(Array.from({ length: 30 }, (_, i) => [a, b].map((s) => s.claimReminder(`r-${i}`, at, '1970-01-01T00:00:00.000Z'))).flat());
    expect(claims.filter(Boolean)).toHaveLength(30);

    const until = new Date(clock.now().getTime() + 60_000).toISOString();
    const leases = await Promise.all([a.acquireLease('reminders', 'one', at, until), b.acquireLease('reminders', 'two', at, until)]);
    expect(leases.filter(Boolean)).toHaveLength(1);
    const holder = leases[0] ? 'one' : 'two';
    const other = holder === 'one' ? 'two' : 'one';
    expect(await b.acquireLease('reminders', holder, at, until)).toBe(true);
    expect(await a.acquireLease('reminders', other, at, until)).toBe(false);
    // Expired, or given up: the other instance takes over.
    expect(await a.acquireLease('reminders', other, until, new Date(Date.parse(until) + 60_000).toISOString())).toBe(true);
    await a.releaseLease('reminders', other);
    expect(await b.acquireLease('reminders', holder, at, until)).toBe(true);
  });

  it('flags an unanswered item once when both instances flag it at once', async () => {
    const item = {
      id: 'fb-1',
      planId: PLAN,
      submitterId: 'sam',
      submitterName: 'Sam Taylor',
      createdAt: clock.now().toISOString(),
      voice: 'parent-carer',
      theme: 'ehcp-timeliness',
      groupsReached: null,
      said: 'EHCPs take too long',
      concerns: null,
      publish: false,
      anonymous: false,
      status: 'new',
      ownerId: null,
      routedAt: null,
      answer: null,
      flaggedAt: null,
    } as unknown as FeedbackItem;
    await a.addFeedback(item, meta('sam'));
    const at = clock.now().toISOString();
    const flagged = await Promise.all([a, b, a, b].map((s) => s.updateFeedback('fb-1', 'new', { flaggedAt: at }, meta('system'))));
    expect(flagged.filter(Boolean)).toHaveLength(1);
  });
});
