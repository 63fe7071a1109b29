import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapStore } from '../../src/app/bootstrap.service';
import type { Notification, Notifier, Store } from '../../src/app/ports';
import { ReminderService, SEND_LEASE_MS } from '../../src/app/reminder.service';
import { WorkstreamUpdateService } from '../../src/app/workstream-update.service';
import { demoPlan } from '../../src/demo/demo-plan';
import { fromRoot } from '../../src/paths';
import { readRosterFile } from '../../src/storage/roster-file';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';

const PLAN = 'shropshire-2026-27';
const SARAH = '00000000-0000-0000-0000-0000000000021';
const JESS = '00000000-0000-0000-0000-0000000000024';
const ANNIE = '00000000-0000-0000-0000-0000000000025';
const NATASHA = '00000000-0000-0000-0000-0000000000020';
const DAY = 24 * 3600 * 1000;

class RecordingNotifier implements Notifier {
  readonly sent: { to: string; n: Notification }[] = [];
  throttle = 0;
  reachable = new Set([SARAH, JESS, ANNIE, NATASHA]);
  async notify(personId: string, n: Notification) {
    if (this.throttle > 0) {
      this.throttle--;
      throw Object.assign(new Error('Too Many Requests'), { statusCode: 429 });
    }
    if (!this.reachable.has(personId)) return 'no-conversation' as const;
    this.sent.push({ to: personId, n });
    return 'sent' as const;
  }
}

describe('update reminders', () => {
  let dir: string;
  let store: Store;
  let clock: ManualClock;
  let notifier: RecordingNotifier;
  const settings = { daysBefore: 14, deadlineDaysAfter: 7 };
  const service = () => new ReminderService(store, PLAN, notifier, clock, settings);
  const restart = async () => {
    await store.close();
    store = await SqliteStore.open(join(dir, 'plan.db'), clock);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    clock = new ManualClock(new Date('2026-11-27T10:00:00Z'));
    store = await SqliteStore.open(join(dir, 'plan.db'), clock);
    await bootstrapStore(store, { planId: PLAN, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan });
    notifier = new RecordingNotifier();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = (iso: string) => {
    clock = new ManualClock(new Date(iso));
  };

  it('nudges each lead with no update before quarter end, once, even across a restart', async () => {
    await service().tick();
    expect(notifier.sent).toEqual([]); // 27 November: the Q3 nudge is due on 17 December.
    at('2026-12-17T09:30:00Z');
    await service().tick();
    expect(notifier.sent.map((s) => [s.to, s.n.kind]).sort()).toEqual([
      [SARAH, 'update-reminder'],
      [JESS, 'update-reminder'],
      [ANNIE, 'update-reminder'],
    ].sort());
    const sarah = notifier.sent.find((s) => s.to === SARAH)?.n;
    expect(sarah).toMatchObject({ stage: 'nudge', quarterId: '2026-Q3', deadline: '2027-01-07', workstreams: [{ id: 'ws-1a' }, { id: 'ws-1' }] });

    await restart();
    await service().tick();
    clock.advance(DAY);
    await service().tick();
    expect(notifier.sent).toHaveLength(3);
  });

  it('does not nudge a lead who has posted, and sends the second reminder and the SRO summary after the deadline', async () => {
    const annie = (await store.findPerson(ANNIE))!;
    await new WorkstreamUpdateService(store, PLAN, clock).post(annie, 'ws-3', '2026-Q3', { 'status.ws-3-q3-m1': 'on-track' }, 'a1');
    await service().tick(); // schedules Q3 while it is under way
    at('2027-01-09T10:00:00Z'); // after the 7 January deadline: nudge, second reminder and summary all due
    await restart();
    const result = await service().tick();
    expect(notifier.sent.map((s) => [s.to, s.n.kind, s.n.kind === 'update-reminder' ? s.n.stage : '']).sort()).toEqual(
      [
        [SARAH, 'update-reminder', 'overdue'],
        [JESS, 'update-reminder', 'overdue'],
        [NATASHA, 'update-summary', ''],
      ].sort(),
    );
    const summary = notifier.sent.find((s) => s.n.kind === 'update-summary')?.n;
    expect(summary).toMatchObject({
      missing: [
        { workstream: 'Workstream 1a: Experts at Hand Offer (EAHO) – Year 1 implementation', lead: 'Sarah Court' },
        { workstream: 'Workstream 1: Inclusive Practice', lead: 'Sarah Court' },
        { workstream: 'Workstream 2: Commissioning', lead: 'Jess Sharma' },
      ],
    });
    // Superseded nudges and Annie's reminders (she has posted) are skipped, not sent late.
    expect(result).toMatchObject({ sent: 3 });
    expect((await store.listReminders(PLAN)).filter((r) => r.status === 'pending' && r.quarter === '2026-Q3')).toEqual([]);
    await service().tick();
    expect(notifier.sent).toHaveLength(3);
  });

  it('backs off when Teams answers 429, then sends once', async () => {
    at('2026-12-17T09:30:00Z');
    notifier.throttle = 1;
    const first = await service().tick();
    expect(first).toMatchObject({ sent: 0, retrying: 3 }); // one throttled, the two behind it held back too
    const waiting = (await store.listReminders(PLAN)).find((r) => r.lastError?.includes('429'));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    await service().tick(); // still backing off
    expect(notifier.sent).toEqual([]);
    clock.advance(10 * 60 * 1000);
    await service().tick();
    expect(notifier.sent).toHaveLength(3);
    await service().tick();
    expect(notifier.sent).toHaveLength(3);
  });

  it('does not chase a quarter that finished long before the bot was first started', async () => {
    await service().tick();
    expect((await store.listReminders(PLAN)).map((r) => r.quarter)).not.toContain('2026-Q2');
  });

  describe('claim, send, mark: a crash between sending and marking', () => {
    /** Teams takes the message, then the bot dies before it can mark it sent: the send never returns. */
    const crashAfterSending = () => {
      const original = notifier.notify.bind(notifier);
      notifier.notify = async (personId: string, n: Notification) => {
        await original(personId, n);
        return new Promise<never>(() => undefined);
      };
    };
    const crashMidSend = async () => {
      crashAfterSending();
      void service().tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
      notifier = Object.assign(new RecordingNotifier(), { sent: notifier.sent });
      await restart();
    };
    const sentToSarah = () => notifier.sent.filter((s) => s.to === SARAH).length;

    it('a restart within the lease does not send it again: the claim holds', async () => {
      at('2026-12-17T09:30:00Z');
      notifier.reachable = new Set([SARAH]);
      await crashMidSend();
      expect(sentToSarah()).toBe(1);
      expect((await store.listReminders(PLAN)).find((r) => r.personId === SARAH && r.kind === 'update-nudge')).toMatchObject({ status: 'sending' });
      await service().tick();
      expect(sentToSarah()).toBe(1);
    });

    it('after the lease it is sent at most once more, and never a third time however often the bot crashes', async () => {
      at('2026-12-17T09:30:00Z');
      notifier.reachable = new Set([SARAH]);
      await crashMidSend();
      clock.advance(SEND_LEASE_MS + 1000);
      await crashMidSend(); // the one extra send, cut short again
      expect(sentToSarah()).toBe(2);
      for (let i = 0; i < 3; i++) {
        clock.advance(SEND_LEASE_MS + 1000);
        await service().tick();
      }
      expect(sentToSarah()).toBe(2);
      expect((await store.listReminders(PLAN)).find((r) => r.personId === SARAH && r.kind === 'update-nudge')).toMatchObject({ status: 'skipped' });
    });

    it('a claim taken over after the lease is sent and marked once', async () => {
      at('2026-12-17T09:30:00Z');
      notifier.reachable = new Set([SARAH]);
      await crashMidSend();
      clock.advance(SEND_LEASE_MS + 1000);
      await service().tick();
      await service().tick();
      expect(sentToSarah()).toBe(2);
      expect((await store.listReminders(PLAN)).find((r) => r.personId === SARAH && r.kind === 'update-nudge')).toMatchObject({ status: 'sent' });
    });
  });

  it('skips someone it cannot reach, without retrying for ever', async () => {
    notifier.reachable.delete(JESS);
    at('2026-12-17T09:30:00Z');
    await service().tick();
    const jess = (await store.listReminders(PLAN)).find((r) => r.personId === JESS && r.kind === 'update-nudge');
    expect(jess).toMatchObject({ status: 'skipped', lastError: 'no conversation with this person' });
  });
});
