import type { Person } from '../domain/people.schema';
import { hasRole } from '../domain/people.schema';
import { addDays, deliveryQuarters, parseQuarter, type Quarter } from '../domain/quarters';
import type { Clock, Notification, Notifier, Reminder, Store } from './ports';

export interface ReminderSettings {
  /** Days before quarter end that leads with no update get a first nudge. */
  readonly daysBefore: number;
  /** Days after quarter end that updates are due by. */
  readonly deadlineDaysAfter: number;
}

export interface DispatchResult {
  readonly sent: number;
  readonly skipped: number;
  readonly retrying: number;
}

/** Teams answers 429 when it wants us to slow down, sometimes saying for how long. */
const throttledFor = (error: unknown): number | null => {
  const e = error as { statusCode?: number; status?: number; response?: { headers?: { get?: (h: string) => string | null } } };
  if ((e?.statusCode ?? e?.status) !== 429) return null;
  const header = e.response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

const MAX_ATTEMPTS = 8;
/** How long a 'sending' claim holds: older than this, the send is taken to have been cut short by a crash. */
export const SEND_LEASE_MS = 10 * 60 * 1000;

/**
 * Chases quarterly updates. Reminders are rows in the store: scheduling is idempotent, and ones
 * that fell due while the bot was down go out on the next tick. Each send is claim -> send -> mark:
 * the claim ('sending', with its time) is written before the send and 'sent' after it, so a marked
 * reminder is never sent again. If the bot dies between sending and marking, the claim outlives
 * its lease (SEND_LEASE_MS) and the reminder is sent once more, and never a third time: at most
 * one extra send per reminder, only after a crash mid-send.
 */
export class ReminderService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly settings: ReminderSettings,
  ) {}

  deadline(quarter: Quarter): string {
    return addDays(quarter.end, this.settings.deadlineDaysAfter);
  }

  /** Make sure the current quarters' reminders exist. */
  async schedule(): Promise<number> {
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) return 0;
    const now = this.clock.now().toISOString();
    const today = now.slice(0, 10);
    const people = await this.store.listPeople();
    const sro = people.find((p) => hasRole(p, 'sro'));
    const leads = this.leadsByPerson(people, snapshot.plan.deliveryPlan.workstreams.map((w) => w.id));
    const rows: Parameters<Store['scheduleReminders']>[0][number][] = [];
    for (const q of deliveryQuarters(snapshot.plan.meta.reportingYear)) {
      const deadline = this.deadline(q);
      // Only quarters under way and not long finished: a bot first started in December does not chase September.
      if (today < q.start || today > addDays(deadline, 14)) continue;
      const at = (date: string) => `${date}T09:00:00.000Z`;
      for (const personId of leads.keys()) {
        rows.push({ id: `update-nudge:${q.id}:${personId}`, planId: this.planId, kind: 'update-nudge', quarter: q.id, personId, dueAt: at(addDays(q.end, -this.settings.daysBefore)) });
        rows.push({ id: `update-overdue:${q.id}:${personId}`, planId: this.planId, kind: 'update-overdue', quarter: q.id, personId, dueAt: at(addDays(deadline, 1)) });
      }
      if (sro) rows.push({ id: `update-summary:${q.id}:${sro.id}`, planId: this.planId, kind: 'update-summary', quarter: q.id, personId: sro.id, dueAt: at(addDays(deadline, 2)) });
    }
    return this.store.scheduleReminders(rows);
  }

  /** Send what is due, once each; a later reminder to the same person supersedes an earlier one. */
  async dispatch(): Promise<DispatchResult> {
    const now = this.clock.now().toISOString();
    const staleClaimBefore = new Date(Date.parse(now) - SEND_LEASE_MS).toISOString();
    const due = await this.store.dueReminders(now, staleClaimBefore);
    const result = { sent: 0, skipped: 0, retrying: 0 };
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) return result;
    const people = await this.store.listPeople();
    const workstreams = snapshot.plan.deliveryPlan.workstreams;
    const leads = this.leadsByPerson(people, workstreams.map((w) => w.id));
    for (const [index, reminder] of due.entries()) {
      const superseded = reminder.kind === 'update-nudge' && due.some((r) => r.kind === 'update-overdue' && r.personId === reminder.personId && r.quarter === reminder.quarter);
      const notification = superseded ? null : await this.notificationFor(reminder, leads, workstreams, people);
      if (!notification) {
        await this.store.markReminder(reminder.id, { status: 'skipped', lastError: superseded ? 'superseded by a later reminder' : 'nothing missing' });
        result.skipped++;
        continue;
      }
      // A send cut short by a crash is tried once more, never twice: one extra send at most.
      if (reminder.status === 'sending' && reminder.recovered > 0) {
        await this.store.markReminder(reminder.id, { status: 'skipped', lastError: 'sending was cut short twice; not sent again' });
        result.skipped++;
        continue;
      }
      if (!(await this.store.claimReminder(reminder.id, now, staleClaimBefore))) continue;
      try {
        // Reminders are their own durable queue: a 429 or 5xx comes back here to be rescheduled.
        const delivery = await this.notifier.notify(reminder.personId, notification, { onTransient: 'throw' });
        if (delivery === 'sent') {
          await this.store.markReminder(reminder.id, { status: 'sent', sentAt: now, attempts: reminder.attempts + 1 });
          result.sent++;
        } else {
          await this.store.markReminder(reminder.id, { status: 'skipped', lastError: 'no conversation with this person' });
          result.skipped++;
        }
      } catch (error) {
        const wait = throttledFor(error);
        const attempts = reminder.attempts + 1;
        const backoff = wait && wait > 0 ? wait : 30_000 * 2 ** Math.min(attempts, 8);
        await this.store.markReminder(reminder.id, {
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'skipped' : 'pending',
          claimedAt: null,
          nextAttemptAt: new Date(Date.parse(now) + backoff).toISOString(),
          lastError: wait !== null ? 'throttled by Teams (429)' : String((error as Error)?.message ?? error),
        });
        result.retrying++;
        if (wait !== null) {
          // Teams asked us to slow down: the whole queue waits, not just this message.
          const resumeAt = new Date(Date.parse(now) + backoff).toISOString();
          for (const later of due.slice(index + 1)) await this.store.markReminder(later.id, { nextAttemptAt: resumeAt });
          result.retrying += due.length - index - 1;
          break;
        }
      }
    }
    return result;
  }

  async tick(): Promise<DispatchResult> {
    await this.schedule();
    return this.dispatch();
  }

  private leadsByPerson(people: readonly Person[], workstreamIds: readonly string[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const p of people) {
      const led = p.roles.flatMap((r) => (r.role === 'workstream-lead' ? r.workstreams : [])).filter((id) => workstreamIds.includes(id));
      if (led.length) map.set(p.id, led);
    }
    return map;
  }

  private async missingFor(quarterId: string, workstreamIds: readonly string[]): Promise<string[]> {
    const posted = new Set((await this.store.listUpdates({ planId: this.planId, quarter: quarterId })).map((u) => u.workstreamId));
    return workstreamIds.filter((id) => !posted.has(id));
  }

  private async notificationFor(
    reminder: Reminder,
    leads: Map<string, string[]>,
    workstreams: readonly { id: string; code: string; name: string; lead: string | null }[],
    people: readonly Person[],
  ): Promise<Notification | null> {
    const quarter = parseQuarter(reminder.quarter);
    const named = (id: string) => {
      const w = workstreams.find((x) => x.id === id);
      return { id, name: w ? `Workstream ${w.code}: ${w.name}` : id };
    };
    if (reminder.kind === 'update-summary') {
      const missing = await this.missingFor(quarter.id, workstreams.map((w) => w.id));
      if (!missing.length) return null;
      const leadName = (id: string) =>
        people.filter((p) => p.roles.some((r) => r.role === 'workstream-lead' && r.workstreams.includes(id))).map((p) => p.name).join(', ') ||
        workstreams.find((w) => w.id === id)?.lead ||
        'no lead on the roster';
      return { kind: 'update-summary', quarterLabel: quarter.label, quarterId: quarter.id, missing: missing.map((id) => ({ workstream: named(id).name, lead: leadName(id) })) };
    }
    const missing = await this.missingFor(quarter.id, leads.get(reminder.personId) ?? []);
    if (!missing.length) return null;
    return {
      kind: 'update-reminder',
      stage: reminder.kind === 'update-nudge' ? 'nudge' : 'overdue',
      quarterLabel: quarter.label,
      quarterId: quarter.id,
      deadline: this.deadline(quarter),
      workstreams: missing.map(named),
    };
  }
}
