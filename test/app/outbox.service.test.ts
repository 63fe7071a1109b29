import { ReachService } from '../../src/app/reach.service';
import type { Activity, ConversationReference } from 'botbuilder';
import { AssignmentService } from '../../src/app/assignment.service';
import { OutboxDispatcher, outboxMessage } from '../../src/app/outbox.service';
import type { Notification, Notifier, Store } from '../../src/app/ports';
import { demoPlan } from '../../src/demo/demo-plan';
import type { Person } from '../../src/domain/people.schema';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { TeamsNotifier } from '../../src/teams/notifier';
import { ManualClock } from '../support/memory.clock';

const PLAN = 'outbox-plan';
const SRO: Person = { id: 'sro', name: 'Natasha Moody', email: null, roles: [{ role: 'sro' }] };
const LOUISA: Person = { id: 'louisa', name: 'Louisa Jones', email: null, roles: [{ role: 'contributor' }] };
const input = { section: 'risks' as const, assigneeId: LOUISA.id, dueDate: '2026-12-18', note: null };
const complete = { kind: 'signoff-complete', round: { planVersion: 1, planHash: 'a'.repeat(64) } } as unknown as Notification;

describe('notification outbox (issue 10, finding #3)', () => {
  let clock: ManualClock;
  let store: Store;
  let sent: { conversationId: string | undefined }[];
  /** What Teams answers to the next sends: an HTTP status to fail with, or 'hang-up' for a network failure. */
  let failures: (number | 'hang-up')[];
  let waits: number[];
  let notifier: Notifier;
  let dispatcher: OutboxDispatcher;

  beforeEach(async () => {
    clock = new ManualClock();
    store = await SqliteStore.open(':memory:', clock);
    await store.createPlan(PLAN, demoPlan(), { actorId: 'test', summary: 'demo' });
    await store.replaceRoster([SRO, LOUISA], { actorId: 'test', summary: 'roster' });
    await store.saveConversation(LOUISA.id, { conversation: { id: 'chat-louisa' }, user: { id: 'user-louisa' } });
    sent = [];
    failures = [];
    waits = [];
    const send = async (reference: Partial<ConversationReference>, _activity: Partial<Activity>) => {
      const failure = failures.shift();
      if (failure === 'hang-up') throw new Error('socket hang up');
      if (failure !== undefined) throw Object.assign(new Error(`HTTP ${failure}`), { statusCode: failure });
      sent.push({ conversationId: reference.conversation?.id });
    };
    notifier = new TeamsNotifier(new ReachService(store, null, clock), send, clock, 'http://localhost', { attempts: 3, baseDelayMs: 10, maxDelayMs: 40, sleep: async (ms) => void waits.push(ms) });
    dispatcher = new OutboxDispatcher(store, notifier, clock);
  });
  afterEach(async () => {
    await store.close();
  });

  const assignments = () => new AssignmentService(store, PLAN, clock, dispatcher);

  it('a crash after the write but before sending loses nothing: the card is in the outbox and the next dispatch sends it once', async () => {
    // The write commits with its card queued; the bot stops before sending.
    const message = outboxMessage('assign-crash', LOUISA.id, complete);
    await store.addAssignment({ id: 'assign-crash', planId: PLAN, section: 'risks', assigneeId: LOUISA.id, dueDate: null, note: null, assignedBy: SRO.id, reviewCommentId: null }, { actorId: SRO.id, summary: 'assigned', notify: [message] });
    expect((await store.listNotifications(PLAN)).map((r) => r.status)).toEqual(['pending']);
    // After the restart, the tick's dispatch sends it, once.
    expect([...(await dispatcher.dispatch()).entries()]).toEqual([[message.id, 'sent']]);
    expect(await dispatcher.dispatch()).toEqual(new Map());
    expect(sent).toEqual([{ conversationId: 'chat-louisa' }]);
    expect((await store.listNotifications(PLAN))[0]).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now().toISOString() });
  });

  it('a send cut short by a crash (claimed, never marked) is taken over once the claim is stale, and sent once', async () => {
    const message = outboxMessage('assign-hang', LOUISA.id, complete);
    await store.addAssignment({ id: 'assign-hang', planId: PLAN, section: 'risks', assigneeId: LOUISA.id, dueDate: null, note: null, assignedBy: SRO.id, reviewCommentId: null }, { actorId: SRO.id, summary: 'assigned', notify: [message] });
    // The process claimed it and died mid-send.
    await store.claimNotifications(clock.now().toISOString(), clock.now().toISOString(), 10);
    expect(await dispatcher.dispatch()).toEqual(new Map());
    clock.advance(11 * 60_000);
    expect((await dispatcher.dispatch()).get(message.id)).toBe('sent');
    expect(await dispatcher.dispatch()).toEqual(new Map());
    expect(sent).toHaveLength(1);
  });

  it('a transport that fails on the first send: the assignment is saved, the card stays queued and a later dispatch sends it once', async () => {
    failures = ['hang-up', 'hang-up', 'hang-up'];
    const result = await assignments().assign(SRO, input, 'req-1');
    expect(result.delivery).toBe('sending');
    expect(await store.listAssignments({ planId: PLAN, assigneeId: LOUISA.id })).toHaveLength(1);
    const [row] = await store.listNotifications(PLAN);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 30_000).toISOString() });
    expect(await dispatcher.dispatch()).toEqual(new Map()); // not due yet
    clock.advance(30_000);
    expect((await dispatcher.dispatch()).get(row!.id)).toBe('sent');
    expect(await dispatcher.dispatch()).toEqual(new Map());
    expect(sent).toEqual([{ conversationId: 'chat-louisa' }]);
  });

  it('429 then success: retried with backoff, sent once', async () => {
    failures = [429];
    const result = await assignments().assign(SRO, input, 'req-429');
    expect(result.delivery).toBe('sent');
    expect(waits).toEqual([10]);
    expect(sent).toHaveLength(1);
    expect((await store.listNotifications(PLAN)).map((r) => [r.status, r.attempts])).toEqual([['sent', 1]]);
    expect(await dispatcher.dispatch()).toEqual(new Map());
    expect(sent).toHaveLength(1);
  });

  it('429 on every in-request attempt: queued with growing backoff, then sent once when Teams recovers', async () => {
    failures = [429, 429, 429];
    expect((await assignments().assign(SRO, input, 'req-busy')).delivery).toBe('sending');
    const [row] = await store.listNotifications(PLAN);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 30_000).toISOString() });
    clock.advance(30_000);
    failures = [429];
    expect((await dispatcher.dispatch()).get(row!.id)).toBe('retrying');
    expect((await store.listNotifications(PLAN))[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: new Date(clock.now().getTime() + 60_000).toISOString() });
    clock.advance(60_000);
    expect((await dispatcher.dispatch()).get(row!.id)).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('gives up as failed after the last attempt', async () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 4000, maxAttempts: 2, claimLeaseMs: 600_000, batch: 10 };
    const patient = new OutboxDispatcher(store, notifier, clock, policy);
    const message = outboxMessage('assign-x', LOUISA.id, complete);
    await store.addAssignment({ id: 'assign-x', planId: PLAN, section: 'risks', assigneeId: LOUISA.id, dueDate: null, note: null, assignedBy: SRO.id, reviewCommentId: null }, { actorId: SRO.id, summary: 'assigned', notify: [message] });
    failures = [503];
    expect((await patient.dispatch()).get(message.id)).toBe('retrying');
    clock.advance(1000);
    failures = [503];
    expect((await patient.dispatch()).get(message.id)).toBe('failed');
    expect((await store.listNotifications(PLAN))[0]).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('a retried request (same request key) does not queue a second card', async () => {
    const first = await assignments().assign(SRO, input, 'req-same');
    const again = await assignments().assign(SRO, input, 'req-same');
    expect(again.assignment.id).toBe(first.assignment.id);
    expect(again.delivery).toBe('sent');
    expect(await store.listNotifications(PLAN)).toHaveLength(1);
    await dispatcher.dispatch();
    expect(sent).toHaveLength(1);
  });

  it('someone who removed the app (403) is reported as having blocked it, and never retried', async () => {
    failures = [403];
    expect((await assignments().assign(SRO, input, 'req-403')).delivery).toBe('blocked');
    expect((await store.listNotifications(PLAN))[0]).toMatchObject({ status: 'unreachable', attempts: 1 });
    clock.advance(3_600_000);
    expect(await dispatcher.dispatch()).toEqual(new Map());
    expect(sent).toHaveLength(0);
  });

  it('someone with no chat with the bot is reported no-conversation', async () => {
    const result = await assignments().assign(SRO, { ...input, assigneeId: SRO.id }, 'req-none');
    expect(result.delivery).toBe('no-conversation');
    expect((await assignments().assign(SRO, { ...input, assigneeId: SRO.id }, 'req-none')).delivery).toBe('no-conversation');
  });
});
