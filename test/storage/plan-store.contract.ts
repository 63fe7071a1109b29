import type { Notification, Store } from '../../src/app/ports';
import { demoPlan } from '../../src/demo/demo-plan';
import { isDomainError } from '../../src/domain/errors';
import type { Person } from '../../src/domain/people.schema';
import type { Plan } from '../../src/domain/plan.schema';
import { ManualClock } from '../support/memory.clock';
import { describeTeamAndPeopleContract } from './team-people.contract';

export interface StoreHarness {
  readonly store: Store;
  readonly clock: ManualClock;
  /** Close and open the same database again. */
  reopen(): Promise<Store>;
  dispose(): Promise<void>;
}

const PLAN = 'contract-plan';
const alice = { actorId: 'alice', summary: 'Alice edits' };
const bob = { actorId: 'bob', summary: 'Bob edits' };

const person = (id: string, name: string, roles: Person['roles'] = [{ role: 'contributor' }]): Person => ({ id, name, email: `${id}@example.org`, roles });

const edit = (plan: Plan, change: (p: Plan) => void): Plan => {
  const next = structuredClone(plan);
  change(next);
  return next;
};

const expectCode = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error) ? error.code : error).toBe(code);
};

/**
 * One contract for every engine: each store implementation runs this same suite, as
 * botbuilder-js runs one Storage suite against each of its providers.
 */
export const describeStoreContract = (engine: string, open: () => Promise<StoreHarness>): void => {
  describe(`${engine} store contract`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.dispose();
    });

    it('creates a plan at version 1 and reads back exactly what was written', async () => {
      const created = await h.store.createPlan(PLAN, demoPlan(), alice);
      expect(created.version).toBe(1);
      const loaded = await h.store.loadPlan(PLAN);
      expect(loaded?.plan).toEqual(demoPlan());
      expect(loaded).toMatchObject({ version: 1, updatedBy: 'alice', updatedAt: h.clock.now().toISOString() });
      expect(await h.store.listPlanIds()).toEqual([PLAN]);
    });

    it('answers null for a plan it does not have', async () => {
      expect(await h.store.loadPlan('no-such-plan')).toBeNull();
    });

    it('refuses to create the same plan twice', async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      await expectCode(h.store.createPlan(PLAN, demoPlan(), bob), 'PLAN.INVALID');
    });

    it('writes a new version naming the version it was based on, changing only the part that changed', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      h.clock.advance(60_000);
      const result = await h.store.savePlan(
        PLAN,
        v1.version,
        edit(v1.plan, (p) => (p.risks.risks[1]!.residualRag = 'Green')),
        bob,
      );
      expect(result.snapshot.version).toBe(2);
      expect(result.changes).toEqual([
        {
          action: 'update',
          key: 'risks/risks/risk-eaho-workforce',
          kind: 'risks.risks',
          before: expect.objectContaining({ residualRag: 'Amber' }),
          after: expect.objectContaining({ residualRag: 'Green' }),
        },
      ]);
      expect((await h.store.loadPlan(PLAN))?.plan.risks.risks[1]?.residualRag).toBe('Green');
    });

    it('refuses a stale write with PLAN.STALE_VERSION and changes nothing', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.header.sroName = 'Alice Example')), alice);
      const auditBefore = await h.store.listAudit(PLAN);
      await expectCode(
        h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.header.localAuthority = 'Telford')), bob),
        'PLAN.STALE_VERSION',
      );
      const now = await h.store.loadPlan(PLAN);
      expect(now?.version).toBe(2);
      expect(now?.plan.header).toEqual({ localAuthority: 'Shropshire', integratedCareBoard: 'Shropshire, Telford and Wrekin', sroName: 'Alice Example', laCode: '893' });
      expect(await h.store.listAudit(PLAN)).toEqual(auditBefore);
    });

    it('refuses a write to a plan that does not exist', async () => {
      await expectCode(h.store.savePlan('no-such-plan', 1, demoPlan(), alice), 'PLAN.NOT_FOUND');
    });

    it('does not write a version when nothing changed', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      const result = await h.store.savePlan(PLAN, 1, v1.plan, bob);
      expect(result.snapshot.version).toBe(1);
      expect(result.changes).toEqual([]);
    });

    it('records who, when, what, before and after in the audit log', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      h.clock.advance(3_600_000);
      await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.deliveryPlan.workstreams[3]!.quarters.Q3.trajectory.text = '20 week timescale: 55%')), {
        actorId: 'bob',
        summary: 'Raised the Q3 EHCP trajectory',
      });
      const [latest] = await h.store.listAudit(PLAN, { limit: 1 });
      expect(latest).toMatchObject({
        planId: PLAN,
        version: 2,
        actorId: 'bob',
        at: h.clock.now().toISOString(),
        summary: 'Raised the Q3 EHCP trajectory',
        action: 'update',
        key: 'deliveryPlan/workstreams/ws-3',
      });
      expect((latest?.before as Plan['deliveryPlan']['workstreams'][number]).quarters.Q3.trajectory.text).toBe('20 week timescale: 50%');
      expect((latest?.after as Plan['deliveryPlan']['workstreams'][number]).quarters.Q3.trajectory.text).toBe('20 week timescale: 55%');
      const creation = await h.store.listAudit(PLAN);
      expect(creation.filter((e) => e.version === 1 && e.action === 'create').length).toBeGreaterThan(100);
    });

    it('adds, removes and reorders rows, and audits each as its own part', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      const next = edit(v1.plan, (p) => {
        const ws = p.deliveryPlan.workstreams[1]!;
        ws.quarters.Q2.milestones.push({ id: 'ws-1-q2-m3', text: 'Agree the LISO content plan' });
        ws.quarters.Q4.milestones.splice(0, 1);
        p.risks.risks.reverse();
      });
      const { changes } = await h.store.savePlan(PLAN, 1, next, bob);
      expect(changes.map((c) => [c.action, c.key]).sort()).toEqual([
        ['create', 'deliveryPlan/workstreams/ws-1/quarters.Q2.milestones/ws-1-q2-m3'],
        ['delete', 'deliveryPlan/workstreams/ws-1/quarters.Q4.milestones/ws-1-q4-m1'],
      ]);
      const loaded = await h.store.loadPlan(PLAN);
      expect(loaded?.plan).toEqual(next);
      const history = await h.store.listAudit(PLAN, { keyPrefix: 'deliveryPlan/workstreams/ws-1' });
      expect(history.filter((e) => e.version === 2)).toHaveLength(2);
      expect(history.every((e) => e.key.startsWith('deliveryPlan/workstreams/ws-1'))).toBe(true);
      expect(history.some((e) => e.key.startsWith('deliveryPlan/workstreams/ws-1a'))).toBe(false);
    });

    it('keeps a table that has been emptied', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      const next = edit(v1.plan, (p) => {
        p.reviewComments = [];
        p.risks.risks = [];
      });
      await h.store.savePlan(PLAN, 1, next, bob);
      expect((await h.store.loadPlan(PLAN))?.plan).toEqual(next);
    });

    it('applies a retried request once', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      const next = edit(v1.plan, (p) => (p.engagement.narrative = 'Shorter'));
      const first = await h.store.savePlan(PLAN, 1, next, { ...bob, requestId: 'activity-123' });
      const retry = await h.store.savePlan(PLAN, 1, next, { ...bob, requestId: 'activity-123' });
      expect(first.replayed).toBe(false);
      expect(retry).toMatchObject({ replayed: true, changes: [] });
      expect(retry.snapshot.version).toBe(2);
      expect((await h.store.listAudit(PLAN)).filter((e) => e.version === 2)).toHaveLength(1);
    });

    it('refuses an invalid plan and writes nothing', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      const bad = edit(v1.plan, (p) => ((p.risks.risks[0] as { rag: string }).rag = 'Purple'));
      await expect(h.store.savePlan(PLAN, 1, bad, bob)).rejects.toThrow();
      expect((await h.store.loadPlan(PLAN))?.version).toBe(1);
    });

    it('keeps plans and people across a reopen', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.header.sroName = 'Kept Across Restart')), alice);
      await h.store.replaceRoster([person('p1', 'Priya Shah', [{ role: 'sro' }])], alice);
      const reopened = await h.reopen();
      expect((await reopened.loadPlan(PLAN))?.plan.header.sroName).toBe('Kept Across Restart');
      expect((await reopened.loadPlan(PLAN))?.version).toBe(2);
      expect(await reopened.findPerson('p1')).toEqual(person('p1', 'Priya Shah', [{ role: 'sro' }]));
    });

    it.each<[string, string | null]>([
      ['another code', '894'],
      ['no code', null],
    ])('keeps the local authority code through a save and a reopen: %s', async (_, laCode) => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      expect(v1.plan.header.laCode).toBe('893');
      const saved = await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.header.laCode = laCode)), alice);
      expect(saved.changes).toEqual([{ action: 'update', key: 'header', kind: 'section', before: expect.objectContaining({ laCode: '893' }), after: expect.objectContaining({ laCode }) }]);
      const reopened = await h.reopen();
      expect((await reopened.loadPlan(PLAN))?.plan.header).toEqual({ ...demoPlan().header, laCode });
    });

    it('replaces the roster, reporting and auditing what changed', async () => {
      const first = await h.store.replaceRoster(
        [person('p1', 'Priya Shah', [{ role: 'sro' }]), person('p2', 'Tom Reed', [{ role: 'workstream-lead', workstreams: ['ws-1', 'ws-2'] }])],
        alice,
      );
      expect(first).toEqual({ added: 2, changed: 0, removed: 0 });
      const second = await h.store.replaceRoster(
        [person('p1', 'Priya Shah', [{ role: 'sro' }]), person('p3', 'Ann Lee', [{ role: 'signatory', signatoryRole: 'icb-place-director' }])],
        bob,
      );
      expect(second).toEqual({ added: 1, changed: 0, removed: 1 });
      const third = await h.store.replaceRoster([person('p1', 'Priya Shah-Jones', [{ role: 'sro' }]), person('p3', 'Ann Lee', [{ role: 'viewer' }])], bob);
      expect(third).toEqual({ added: 0, changed: 2, removed: 0 });
      expect(await h.store.findPerson('p2')).toBeNull();
      const audit = await h.store.listAudit(null);
      expect(audit).toHaveLength(6);
      expect(audit[0]).toMatchObject({ planId: null, actorId: 'bob', kind: 'person', action: 'update', key: 'p3' });
      expect((await h.store.listPeople()).map((p) => [p.id, p.name, p.roles])).toEqual([
        ['p3', 'Ann Lee', [{ role: 'viewer' }]],
        ['p1', 'Priya Shah-Jones', [{ role: 'sro' }]],
      ]);
    });

    it("keeps a person's draft per section across a reopen, until it is deleted", async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      await h.store.saveDraft({ personId: 'alice', planId: PLAN, section: 'engagement', baseVersion: 1, step: 0, content: { narrative: 'Half written' } });
      const reopened = await h.reopen();
      expect(await reopened.loadDraft('alice', PLAN, 'engagement')).toMatchObject({ baseVersion: 1, content: { narrative: 'Half written' } });
      expect(await reopened.loadDraft('bob', PLAN, 'engagement')).toBeNull();
      expect((await reopened.listDrafts('alice', PLAN)).map((d) => d.section)).toEqual(['engagement']);
      await reopened.deleteDraft('alice', PLAN, 'engagement');
      expect(await reopened.loadDraft('alice', PLAN, 'engagement')).toBeNull();
    });

    it('lists assignments due dates first, adds each id once, and audits completion', async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      const base = { planId: PLAN, assigneeId: 'bob', note: null, assignedBy: 'alice', reviewCommentId: null };
      await h.store.addAssignment({ ...base, id: 'a-late', section: 'governance', dueDate: '2026-12-20' }, alice);
      await h.store.addAssignment({ ...base, id: 'a-none', section: 'engagement', dueDate: null }, alice);
      await h.store.addAssignment({ ...base, id: 'a-soon', section: 'risks', dueDate: '2026-12-01' }, alice);
      const again = await h.store.addAssignment({ ...base, id: 'a-soon', section: 'monitoring', dueDate: '2027-01-01' }, alice);
      expect(again.section).toBe('risks');
      expect((await h.store.listAssignments({ planId: PLAN, assigneeId: 'bob', status: 'open' })).map((a) => a.id)).toEqual(['a-soon', 'a-late', 'a-none']);
      await h.store.completeAssignments(['a-soon'], bob);
      expect((await h.store.listAssignments({ planId: PLAN, status: 'open' })).map((a) => a.id)).toEqual(['a-late', 'a-none']);
      const audit = await h.store.listAudit(PLAN, { keyPrefix: 'assignments/a-soon' });
      expect(audit.map((e) => e.action)).toEqual(['update', 'create']);
    });

    it('remembers the last conversation reference per person', async () => {
      await h.store.saveConversation('alice', { conversation: { id: 'c1' } });
      await h.store.saveConversation('alice', { conversation: { id: 'c2' } });
      expect(await h.store.loadConversation('alice')).toEqual({ conversation: { id: 'c2' } });
      expect(await h.store.loadConversation('bob')).toBeNull();
    });

    describe('workstream updates: the latest post without the history', () => {
      const post = (workstreamId: string, quarter: string, milestones: [string, 'on-track' | 'at-risk' | 'complete'][], narrative: string) => ({
        workstreamId,
        quarter,
        milestones: milestones.map(([milestoneId, status]) => ({ milestoneId, status, rag: null, note: null })),
        actual: null,
        narrative,
        blockers: null,
        supportNeeded: null,
      });
      const add = async (id: string, update: ReturnType<typeof post>) => (await h.store.addUpdate(PLAN, update, { id, authorId: 'alice', planVersion: 1 }, alice)).update;

      it('numbers posts per workstream and quarter, and answers the latest by quarter, then sequence, as listUpdates orders them', async () => {
        await h.store.createPlan(PLAN, demoPlan(), alice);
        expect(await h.store.latestUpdate({ planId: PLAN, workstreamId: 'ws-1' })).toBeNull();
        await add('u1', post('ws-1', '2026-Q3', [['m3a', 'on-track'], ['m3b', 'on-track']], 'Q3 first'));
        await add('u2', post('ws-1', '2026-Q2', [['m2', 'complete']], 'Q2 late'));
        await add('u3', post('ws-1', '2026-Q3', [['m3a', 'at-risk']], 'Q3 second'));
        await add('u4', post('ws-2', '2026-Q4', [['m3a', 'complete']], 'Other workstream'));
        // A retried post is the stored one, not a new one, and says so.
        const retried = await h.store.addUpdate(PLAN, post('ws-1', '2026-Q3', [['m3a', 'complete']], 'Retried'), { id: 'u3', authorId: 'alice', planVersion: 1 }, alice);
        expect([retried.update.narrative, retried.update.sequence, retried.replayed]).toEqual(['Q3 second', 2, true]);
        const fresh = await h.store.addUpdate(PLAN, post('ws-5', '2026-Q3', [], 'New'), { id: 'u5', authorId: 'alice', planVersion: 1 }, alice);
        expect([fresh.update.sequence, fresh.replayed]).toEqual([1, false]);

        const latest = await h.store.latestUpdate({ planId: PLAN, workstreamId: 'ws-1' });
        expect([latest?.id, latest?.sequence, latest?.narrative]).toEqual(['u3', 2, 'Q3 second']);
        const all = await h.store.listUpdates({ planId: PLAN, workstreamId: 'ws-1' });
        expect(all.map((u) => u.id)).toEqual(['u2', 'u1', 'u3']);
        expect(latest).toEqual(all[all.length - 1]);

        expect((await h.store.latestUpdate({ planId: PLAN, workstreamId: 'ws-1', quarter: '2026-Q2' }))?.id).toBe('u2');
        expect(await h.store.latestUpdate({ planId: PLAN, workstreamId: 'ws-1', quarter: '2026-Q4' })).toBeNull();
        expect(await h.store.latestUpdate({ planId: 'another-plan', workstreamId: 'ws-1' })).toBeNull();
      });

      it('answers, per milestone, the latest post reporting on it, passing over later posts that do not', async () => {
        await h.store.createPlan(PLAN, demoPlan(), alice);
        await add('u1', post('ws-1', '2026-Q3', [['m3a', 'on-track'], ['m3b', 'on-track']], 'Both'));
        await add('u2', post('ws-1', '2026-Q3', [['m3a', 'at-risk']], 'Only a'));
        await add('u3', post('ws-1', '2026-Q2', [['m3b', 'complete']], 'Earlier quarter, posted last'));
        await add('u4', post('ws-2', '2026-Q4', [['m3b', 'complete']], 'Other workstream'));
        const of = { planId: PLAN, workstreamId: 'ws-1' };
        expect((await h.store.latestUpdate({ ...of, milestoneId: 'm3a' }))?.id).toBe('u2');
        expect((await h.store.latestUpdate({ ...of, milestoneId: 'm3b' }))?.id).toBe('u1');
        expect((await h.store.latestUpdate({ ...of, milestoneId: 'm3b', quarter: '2026-Q2' }))?.id).toBe('u3');
        expect(await h.store.latestUpdate({ ...of, milestoneId: 'nowhere' })).toBeNull();
        expect((await h.store.latestUpdate({ ...of, throughQuarter: '2026-Q2' }))?.id).toBe('u3');
        expect((await h.store.latestUpdate({ ...of, milestoneId: 'm3a', throughQuarter: '2026-Q2' }))).toBeNull();
        expect((await h.store.latestUpdate({ ...of, milestoneId: 'm3b', throughQuarter: '2026-Q4' }))?.id).toBe('u1');
        // Part of another milestone's id is not that milestone.
        expect(await h.store.latestUpdate({ ...of, milestoneId: 'm3' })).toBeNull();
        expect((await h.store.latestUpdate({ ...of, milestoneId: 'm3a' }))?.milestones).toEqual([{ milestoneId: 'm3a', status: 'at-risk', rag: null, note: null }]);
      });

      it('audits each post as it was kept, its number in the key; with notifications, queues them with it', async () => {
        await h.store.createPlan(PLAN, demoPlan(), alice);
        const { update: first } = await h.store.addUpdate(PLAN, { ...post('ws-1', '2026-Q3', [['m3a', 'on-track'], ['m3b', 'at-risk']], 'Quotes " and \\ and ünïcode'), actual: '40%' }, { id: 'u1', authorId: 'alice', planVersion: 1 }, alice);
        const notify = [{ id: 'ob-u2', personId: 'bob', notification: { kind: 'signoff-complete', round: { planVersion: 1, planHash: 'a'.repeat(64) } } as unknown as Notification }];
        const { update: second } = await h.store.addUpdate(PLAN, post('ws-1', '2026-Q3', [], 'With a notification'), { id: 'u2', authorId: 'alice', planVersion: 1 }, { ...alice, notify });
        expect([first.sequence, second.sequence]).toEqual([1, 2]);
        const audit = (await h.store.listAudit(PLAN, { keyPrefix: 'updates/ws-1/2026-Q3' })).reverse();
        expect(audit.map((e) => [e.key, e.action, e.kind, e.version, e.actorId, e.summary])).toEqual([
          ['updates/ws-1/2026-Q3/1', 'create', 'workstream-update', null, 'alice', 'Alice edits'],
          ['updates/ws-1/2026-Q3/2', 'create', 'workstream-update', null, 'alice', 'Alice edits'],
        ]);
        expect(audit.map((e) => [e.before, e.after])).toEqual([
          [null, first],
          [null, second],
        ]);
        // Written as JSON.stringify writes the post, keys in the same order.
        expect(Object.keys(audit[0]!.after as object)).toEqual(Object.keys(first));
        expect((await h.store.listNotifications(PLAN)).map((r) => r.id)).toEqual(['ob-u2']);
      });

      it('keeps nothing of a post checked against a plan version it has moved on from, and numbers the next one as if it had not been tried', async () => {
        const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
        await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.engagement.narrative = 'Changed')), bob);
        const refused = (id: string, planId: string, planVersion: number) =>
          h.store.addUpdate(planId, post('ws-1', '2026-Q3', [['m3a', 'on-track']], 'Too late'), { id, authorId: 'alice', planVersion }, alice).then(
            (kept) => ({ kept }),
            (error: unknown) => ({ code: (error as { code?: unknown }).code, details: (error as { details?: unknown }).details }),
          );
        expect(await refused('u0', PLAN, 1)).toEqual({ code: 'PLAN.STALE_VERSION', details: { expectedVersion: 1, currentVersion: 2 } });
        expect(await refused('u0', 'no-such-plan', 1)).toEqual({ code: 'PLAN.NOT_FOUND', details: { planId: 'no-such-plan' } });
        expect(await h.store.listUpdates({ planId: PLAN })).toEqual([]);
        expect(await h.store.listAudit(PLAN, { keyPrefix: 'updates' })).toEqual([]);
        const kept = (await h.store.addUpdate(PLAN, post('ws-1', '2026-Q3', [['m3a', 'on-track']], 'Here'), { id: 'u0', authorId: 'alice', planVersion: 2 }, alice)).update;
        expect([kept.id, kept.sequence, kept.narrative]).toEqual(['u0', 1, 'Here']);
        expect((await h.store.latestUpdate({ planId: PLAN, workstreamId: 'ws-1', milestoneId: 'm3a' }))?.id).toBe('u0');
      });

      it('finds a post by its id, in its own plan only', async () => {
        await h.store.createPlan(PLAN, demoPlan(), alice);
        const kept = await add('u1', post('ws-1', '2026-Q3', [['m3a', 'on-track']], 'Found'));
        expect(await h.store.findUpdate(PLAN, 'u1')).toEqual(kept);
        expect(await h.store.findUpdate(PLAN, 'u2')).toBeNull();
        expect(await h.store.findUpdate('another-plan', 'u1')).toBeNull();
      });

      it('answers a retried post as it was kept, though the plan has moved on since', async () => {
        const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
        await add('u1', post('ws-1', '2026-Q3', [['m3a', 'on-track']], 'Kept at version 1'));
        await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.engagement.narrative = 'Changed')), bob);
        const retried = await h.store.addUpdate(PLAN, post('ws-1', '2026-Q3', [['m3a', 'on-track']], 'Kept at version 1'), { id: 'u1', authorId: 'alice', planVersion: 1 }, alice);
        expect([retried.replayed, retried.update.sequence, retried.update.narrative]).toEqual([true, 1, 'Kept at version 1']);
        expect(await h.store.listUpdates({ planId: PLAN })).toHaveLength(1);
      });
    });

    it('filters the audit log by version', async () => {
      const v1 = await h.store.createPlan(PLAN, demoPlan(), alice);
      await h.store.savePlan(PLAN, 1, edit(v1.plan, (p) => (p.engagement.narrative = 'Changed')), bob);
      const since = await h.store.listAudit(PLAN, { keyPrefix: 'engagement', sinceVersion: 1 });
      expect(since.map((e) => [e.version, e.key])).toEqual([[2, 'engagement']]);
      expect(await h.store.listAudit(PLAN, { keyPrefix: 'engagement', sinceVersion: 2 })).toEqual([]);
    });
    it('keeps an issued document once per text and version, across a reopen', async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      const model = { title: 'Annex A', blocks: [{ kind: 'paragraph' as const, text: 'The text as issued.' }] };
      const first = await h.store.saveIssuedDocument({ hash: 'a'.repeat(64), planId: PLAN, planVersion: 1, kind: 'plan', title: 'Annex A', model, issuedBy: 'alice' });
      h.clock.advance(60_000);
      const again = await h.store.saveIssuedDocument({ hash: 'a'.repeat(64), planId: PLAN, planVersion: 1, kind: 'plan', title: 'Annex A', model, issuedBy: 'bob' });
      expect(again).toEqual(first);
      expect(first).toMatchObject({ issuedBy: 'alice', model });
      const store = await h.reopen();
      expect(await store.loadIssuedDocument('a'.repeat(64))).toEqual(first);
      expect(await store.loadIssuedDocument('a'.repeat(64), 2)).toBeNull();
      expect(await store.loadIssuedDocument('b'.repeat(64))).toBeNull();
      const link = await store.addDownloadLink({ token: 't'.repeat(32), planId: PLAN, documentHash: 'a'.repeat(64), planVersion: 1, format: 'docx', personId: 'alice', signed: false, roundId: null, expiresAt: '2030-01-01T00:00:00.000Z' });
      expect(await store.findDownloadLink('t'.repeat(32))).toEqual(link);
      expect(await store.findDownloadLink('u'.repeat(32))).toBeNull();
      const file = { sha256: 'f'.repeat(64), planId: PLAN, documentHash: 'a'.repeat(64), planVersion: 1, format: 'docx' as const, signed: false };
      await store.recordIssuedFile(file);
      await store.recordIssuedFile({ ...file, signed: true });
      expect(await store.findIssuedFile('f'.repeat(64))).toEqual(file);
      expect(await store.findIssuedFile('e'.repeat(64))).toBeNull();
    });

    it('writes a quarter of actual spend version-checked, once per request, auditing each amount that changed', async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      const amount = (lineId: string, amountPence: number) => ({ quarter: '2026-Q3', lineId, sourceId: 'transformation', amountPence });
      expect(await h.store.spendActualsVersion(PLAN, '2026-Q3')).toBe(0);
      expect(await h.store.saveSpendActuals(PLAN, '2026-Q3', 0, [amount('a', 100), amount('b', 200)], { ...alice, requestId: 'r1' })).toEqual({ version: 1, replayed: false });
      expect(await h.store.saveSpendActuals(PLAN, '2026-Q3', 0, [amount('a', 100), amount('b', 200)], { ...alice, requestId: 'r1' })).toEqual({ version: 1, replayed: true });
      await expectCode(h.store.saveSpendActuals(PLAN, '2026-Q3', 0, [amount('a', 999)], bob), 'PLAN.STALE_VERSION');
      expect(await h.store.saveSpendActuals(PLAN, '2026-Q3', 1, [amount('a', 100), amount('b', 250)], bob)).toEqual({ version: 2, replayed: false });
      await expectCode(h.store.saveSpendActuals(PLAN, '2026-Q3', 2, [amount('a', -1)], bob), 'INPUT.INVALID');
      // The same request id from someone else, or for another quarter, is refused rather than silently dropped.
      await expectCode(h.store.saveSpendActuals(PLAN, '2026-Q3', 2, [amount('a', 5)], { ...bob, requestId: 'r1' }), 'INPUT.INVALID');
      await expectCode(h.store.saveSpendActuals(PLAN, '2026-Q4', 0, [{ ...amount('a', 5), quarter: '2026-Q4' }], { ...alice, requestId: 'r1' }), 'INPUT.INVALID');
      const store = await h.reopen();
      expect((await store.listSpendActuals(PLAN, '2026-Q3')).map((a) => [a.lineId, a.amountPence, a.enteredBy])).toEqual([
        ['a', 100, 'alice'],
        ['b', 250, 'bob'],
      ]);
      expect(await store.listSpendActuals(PLAN, '2026-Q4')).toEqual([]);
      const audit = (await store.listAudit(PLAN, { keyPrefix: 'spend-actuals' })).map((e) => [e.key, e.action, e.actorId]);
      expect(audit).toEqual([
        ['spend-actuals/2026-Q3/b/transformation', 'update', 'bob'],
        ['spend-actuals/2026-Q3/b/transformation', 'create', 'alice'],
        ['spend-actuals/2026-Q3/a/transformation', 'create', 'alice'],
      ]);
    });

    it('keeps amounts up to the largest the plan allows (a county\'s high-needs line runs to billions of pence)', async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      const big = { quarter: '2026-Q3', lineId: 'high-needs', sourceId: 'transformation', amountPence: 3_000_000_000 };
      await h.store.saveSpendActuals(PLAN, '2026-Q3', 0, [big], alice);
      expect((await (await h.reopen()).listSpendActuals(PLAN, '2026-Q3')).map((a) => a.amountPence)).toEqual([3_000_000_000]);
    });

    it('lists people in the same order on every database: letter by letter, capitals first', async () => {
      await h.store.replaceRoster([person('p3', 'alice'), person('p1', 'Zed'), person('p2', 'Bob'), person('p4', 'Émile')], alice);
      expect((await h.store.listPeople()).map((p) => p.name)).toEqual(['Bob', 'Zed', 'alice', 'Émile']);
    });

    it('keeps text with a NUL character in it (a tampered card) the same way on every database', async () => {
      await h.store.replaceRoster([person('nul', 'Na\u0000me')], alice);
      expect((await h.store.findPerson('nul'))?.name).toBe('Na\uFFFDme');
    });

    it('never shows a roster half replaced: reads during a replacement see it before or after', async () => {
      const many = Array.from({ length: 40 }, (_, i) => person(`p${i}`, `Person ${i}`));
      let stop = false;
      const failures: unknown[] = [];
      const reader = async () => {
        while (!stop) await h.store.listPeople().then((people) => void (people.length !== 40 && people.length !== 20 && people.length !== 0 && failures.push(people.length)), (e: unknown) => void failures.push(e));
      };
      const readers = [reader(), reader(), reader()];
      for (let i = 0; i < 10; i++) await h.store.replaceRoster(i % 2 ? many.slice(0, 20) : many, alice);
      stop = true;
      await Promise.all(readers);
      expect(failures).toEqual([]);
    });

    it('claims a reminder before it is sent: once from pending, and once more only after a stale claim', async () => {
      const row = { id: 'r1', planId: PLAN, kind: 'update-nudge' as const, quarter: '2026-Q3', personId: 'alice', dueAt: '2026-12-17T09:00:00.000Z' };
      expect(await h.store.scheduleReminders([row])).toBe(1);
      expect(await h.store.claimReminder('r1', '2026-12-17T10:00:00.000Z', '2026-12-17T09:50:00.000Z')).toBe(true);
      expect(await h.store.claimReminder('r1', '2026-12-17T10:01:00.000Z', '2026-12-17T09:51:00.000Z')).toBe(false);
      expect(await h.store.dueReminders('2026-12-17T10:01:00.000Z', '2026-12-17T09:51:00.000Z')).toEqual([]);
      const store = await h.reopen();
      expect((await store.dueReminders('2026-12-17T10:20:00.000Z', '2026-12-17T10:10:00.000Z')).map((r) => [r.id, r.status, r.claimedAt])).toEqual([['r1', 'sending', '2026-12-17T10:00:00.000Z']]);
      expect(await store.claimReminder('r1', '2026-12-17T10:20:00.000Z', '2026-12-17T10:10:00.000Z')).toBe(true);
      expect(await store.claimReminder('r1', '2026-12-17T11:00:00.000Z', '2026-12-17T10:50:00.000Z')).toBe(false);
      expect((await store.listReminders(PLAN))[0]).toMatchObject({ status: 'sending', recovered: 1 });
    });

    it('keeps at most one open sign-off round per plan version', async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      const round = (id: string, planVersion: number) => ({
        id,
        planId: PLAN,
        planVersion,
        planHash: `hash-${planVersion}`,
        token: `token-${id}`,
        requestedBy: 'alice',
        requestedAt: h.clock.now().toISOString(),
        status: 'open' as const,
        closedAt: null,
        closeReason: null,
      });
      await h.store.createRound(round('round-a', 1), [], alice);
      // (The engine's own error: better-sqlite3's is not always an Error of this realm, so compare to null.)
      const refused = await h.store.createRound(round('round-b', 1), [], alice).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).not.toBeNull();
      expect((await h.store.listRounds(PLAN)).map((r) => r.id)).toEqual(['round-a']);
      // Once the open one is closed, the same version may be sent again.
      expect(await h.store.updateRound('round-a', 'open', { status: 'voided', closedAt: h.clock.now().toISOString(), closeReason: 'test' }, alice)).toBe(true);
      await h.store.createRound(round('round-c', 1), [], alice);
      expect((await h.store.listRounds(PLAN)).filter((r) => r.status === 'open').map((r) => r.id)).toEqual(['round-c']);
    });

    it("keeps a round's questions, answers each once, and records a request's first delivery once", async () => {
      await h.store.createPlan(PLAN, demoPlan(), alice);
      const at = h.clock.now().toISOString();
      const round = { id: 'round-q', planId: PLAN, planVersion: 1, planHash: 'h', token: 't-q', requestedBy: 'alice', requestedAt: at, status: 'open' as const, closedAt: null, closeReason: null };
      const request = { roundId: 'round-q', role: 'la-chief-executive' as const, personId: 'bob', name: 'Bob', email: null, required: true, state: 'pending' as const, decidedAt: null, reason: null, remindersSent: 0, lastRemindedAt: null };
      await h.store.createRound(round, [request], alice);
      const question = { id: 'q-1', roundId: 'round-q', role: 'la-chief-executive' as const, personId: 'bob', askerName: 'Bob', askedAt: at, question: 'Why?' };
      await h.store.addQuestion(question, bob);
      expect(await h.store.addQuestion({ ...question, question: 'Changed?' }, bob)).toMatchObject({ question: 'Why?', answer: null });
      const answer = { byId: 'alice', byName: 'Alice', at, text: 'Because.', requestId: 'r-1' };
      expect(await h.store.answerQuestion('q-1', answer, alice)).toBe(true);
      expect(await h.store.answerQuestion('q-1', { ...answer, text: 'Again.' }, alice)).toBe(false);
      expect(await (await h.reopen()).listQuestions('round-q')).toEqual([{ ...question, answer }]);
      await h.store.noteDelivery('round-q', 'la-chief-executive', 'bob', at);
      await h.store.noteDelivery('round-q', 'la-chief-executive', 'bob', '2030-01-01T00:00:00.000Z');
      expect((await h.store.loadRound('round-q'))!.requests[0]!.deliveredAt).toBe(at);
    });

    describeTeamAndPeopleContract(() => h);

    describe('notification outbox', () => {
      const card = (id: string, personId = 'bob') => ({
        id,
        personId,
        notification: { kind: 'signoff-complete' as const, round: { planVersion: 1, planHash: 'a'.repeat(64) } } as unknown as Notification,
      });
      const assign = (id: string, notify: ReturnType<typeof card>[]) =>
        h.store.addAssignment({ id, planId: PLAN, section: 'risks', assigneeId: 'bob', dueDate: null, note: null, assignedBy: 'alice', reviewCommentId: null }, { ...alice, notify });

      it("queues a change's notifications in the change's own transaction, and a retried change queues nothing more", async () => {
        await h.store.createPlan(PLAN, demoPlan(), alice);
        await assign('a-1', [card('ob-1'), card('ob-2', 'carol')]);
        await assign('a-1', [card('ob-1'), card('ob-2', 'carol')]);
        const rows = await (await h.reopen()).listNotifications(PLAN);
        expect(rows.map((r) => [r.id, r.personId, r.status, r.attempts])).toEqual([
          ['ob-1', 'bob', 'pending', 0],
          ['ob-2', 'carol', 'pending', 0],
        ]);
        expect(rows[0]!.notification).toEqual(card('ob-1').notification);
        expect(await h.store.listNotifications(undefined, ['ob-2'])).toHaveLength(1);
      });

      it('a write that is refused queues nothing', async () => {
        const created = await h.store.createPlan(PLAN, demoPlan(), alice);
        await h.store.savePlan(PLAN, created.version, edit(created.plan, (p) => void (p.executiveSummary.changeStory = 'First.')), bob);
        await expectCode(h.store.savePlan(PLAN, created.version, edit(created.plan, (p) => void (p.executiveSummary.changeStory = 'Stale.')), { ...alice, notify: [card('ob-stale')] }), 'PLAN.STALE_VERSION');
        expect(await h.store.listNotifications()).toEqual([]);
      });

      it('claims due rows once, takes over a stale claim, and never claims a sent or not-yet-due row', async () => {
        await h.store.createPlan(PLAN, demoPlan(), alice);
        await assign('a-1', [card('ob-1'), card('ob-2'), card('ob-3')]);
        const now = () => h.clock.now().toISOString();
        const lease = () => new Date(h.clock.now().getTime() - 600_000).toISOString();
        await h.store.markNotification('ob-3', { nextAttemptAt: new Date(h.clock.now().getTime() + 60_000).toISOString(), attempts: 1 });
        expect((await h.store.claimNotifications(now(), lease(), 10, ['ob-2'])).map((r) => r.id)).toEqual(['ob-2']);
        const claimed = await h.store.claimNotifications(now(), lease(), 10);
        expect(claimed.map((r) => [r.id, r.status, r.claimedAt])).toEqual([['ob-1', 'sending', now()]]);
        expect(await h.store.claimNotifications(now(), lease(), 10)).toEqual([]);
        await h.store.markNotification('ob-1', { status: 'sent', sentAt: now(), claimedAt: null });
        h.clock.advance(11 * 60_000);
        // ob-2's claim is stale (a crash mid-send); ob-3 is now due; ob-1 was sent.
        expect((await h.store.claimNotifications(now(), lease(), 10)).map((r) => r.id).sort()).toEqual(['ob-2', 'ob-3']);
        expect((await h.store.listNotifications(PLAN)).map((r) => r.status)).toEqual(['sent', 'sending', 'sending']);
      });
    });

    describe('AI suggestions', () => {
      const suggestion = (id: string, personId: string, at: string) => ({
        id,
        planId: PLAN,
        personId,
        target: { kind: 'section' as const, section: 'executiveSummary' as const, path: 'changeStory' },
        text: `Suggested text ${id}.`,
        promptName: 'draft-section',
        createdAt: at,
      });

      it('keeps a suggestion for its person only, adds an id once, and records use, discard and settling across a restart', async () => {
        const first = await h.store.addSuggestion(suggestion('sg-1', 'alice', '2026-11-01T10:00:00.000Z'));
        expect(first).toMatchObject({ id: 'sg-1', usedAt: null, discardedAt: null, settledAt: null, target: { kind: 'section', path: 'changeStory' } });
        await h.store.addSuggestion({ ...suggestion('sg-1', 'alice', '2026-11-02T10:00:00.000Z'), text: 'A retry.' });
        await h.store.addSuggestion({ ...suggestion('sg-2', 'alice', '2026-11-03T10:00:00.000Z'), target: null });
        await h.store.addSuggestion(suggestion('sg-3', 'bob', '2026-11-03T10:00:00.000Z'));
        await h.store.markSuggestion('sg-1', { usedAt: '2026-11-04T10:00:00.000Z' });
        await h.store.markSuggestion('sg-2', { discardedAt: '2026-11-04T11:00:00.000Z' });
        await h.store.markSuggestion('sg-1', { settledAt: '2026-11-05T10:00:00.000Z' });
        const store = await h.reopen();
        const mine = await store.listSuggestions('alice', PLAN);
        expect(mine.map((s) => [s.id, s.text, s.usedAt, s.discardedAt, s.settledAt, s.target])).toEqual([
          ['sg-1', 'Suggested text sg-1.', '2026-11-04T10:00:00.000Z', null, '2026-11-05T10:00:00.000Z', { kind: 'section', section: 'executiveSummary', path: 'changeStory' }],
          ['sg-2', 'Suggested text sg-2.', null, '2026-11-04T11:00:00.000Z', null, null],
        ]);
        expect((await store.loadSuggestion('sg-3'))?.personId).toBe('bob');
        expect(await store.loadSuggestion('sg-none')).toBeNull();
      });
    });
  });
};
