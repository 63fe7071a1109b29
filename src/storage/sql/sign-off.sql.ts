import type { ExpressionBuilder, Selectable } from 'kysely';
import type { ChangeMeta, Clock, RoundWithRequests, SignOffRepository, SignOffRequest, SignOffRound } from '../../app/ports';
import type { Audit } from './audit.sql';
import type { Database, SignoffRequestsTable, SignoffRoundsTable } from './database';
import { nextSeq } from './next-seq';
import type { SignOffQuestionMethods } from './signoff-questions.sql';
import type { Sql, SqlDb } from './sql-db';

type RoundRow = Selectable<SignoffRoundsTable>;
type RequestRow = Selectable<SignoffRequestsTable>;

const toRound = (r: RoundRow): SignOffRound => ({
  id: r.id,
  planId: r.plan_id,
  planVersion: r.plan_version,
  planHash: r.plan_hash,
  token: r.token,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  status: r.status as SignOffRound['status'],
  closedAt: r.closed_at,
  closeReason: r.close_reason,
});
const toRequest = (r: RequestRow): SignOffRequest => ({
  roundId: r.round_id,
  role: r.role as SignOffRequest['role'],
  personId: r.person_id,
  name: r.name,
  email: r.email,
  required: r.required === 1,
  state: r.state as SignOffRequest['state'],
  decidedAt: r.decided_at,
  reason: r.reason,
  remindersSent: r.reminders_sent,
  lastRemindedAt: r.last_reminded_at,
  deliveredAt: r.delivered_at,
});
/** What the audit log keeps of a round: not the whole document again. */
const roundSummary = (r: SignOffRound) => ({ id: r.id, planVersion: r.planVersion, planHash: r.planHash, status: r.status, closeReason: r.closeReason });
/** One signatory's request in a round. */
const request = (roundId: string, role: string, personId: string) => (eb: ExpressionBuilder<Database, 'signoff_requests'>) =>
  eb.and({ round_id: roundId, role, person_id: personId });

/** Sign-off rounds and each signatory's request in them (their questions: SqlSignOffQuestions). State changes are compare-and-set. */
export class SqlSignOff implements Omit<SignOffRepository, SignOffQuestionMethods> {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  #now(): string {
    return this.clock.now().toISOString();
  }

  async createRound(round: SignOffRound, requests: readonly SignOffRequest[], meta: ChangeMeta): Promise<void> {
    const at = this.#now();
    return this.db.transaction(async (tx) => {
      await tx.db
        .insertInto('signoff_rounds')
        .values({
          id: round.id,
          plan_id: round.planId,
          plan_version: round.planVersion,
          plan_hash: round.planHash,
          document: round.planHash,
          token: round.token,
          requested_by: round.requestedBy,
          requested_at: round.requestedAt,
          status: round.status,
          closed_at: round.closedAt,
          close_reason: round.closeReason,
          seq: nextSeq('signoff_rounds'),
        })
        .execute();
      for (const [i, r] of requests.entries()) {
        await tx.db
          .insertInto('signoff_requests')
          .values({
            round_id: r.roundId,
            role: r.role,
            person_id: r.personId,
            name: r.name,
            email: r.email,
            required: r.required ? 1 : 0,
            state: r.state,
            decided_at: r.decidedAt,
            reason: r.reason,
            reminders_sent: r.remindersSent,
            last_reminded_at: r.lastRemindedAt,
            seq: i + 1,
          })
          .execute();
      }
      await this.audit(tx, round.planId, round.planVersion, at, meta, [
        { action: 'create', key: `signoff/${round.id}`, kind: 'signoff-round', before: null, after: { ...roundSummary(round), requests: requests.map((r) => ({ role: r.role, personId: r.personId })) } },
      ]);
    });
  }

  /** The round and its requests as of one moment: never an open round with voided requests. */
  async loadRound(id: string): Promise<RoundWithRequests | null> {
    return this.db.snapshot(async (tx) => {
      const row = await tx.db.selectFrom('signoff_rounds').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const rows = await tx.db.selectFrom('signoff_requests').selectAll().where('round_id', '=', id).orderBy('required', 'desc').orderBy('seq').execute();
      return { round: toRound(row), requests: rows.map(toRequest) };
    });
  }

  async findRoundByToken(token: string): Promise<SignOffRound | null> {
    const row = await this.db.db.selectFrom('signoff_rounds').selectAll().where('token', '=', token).executeTakeFirst();
    return row ? toRound(row) : null;
  }

  async listRounds(planId: string): Promise<SignOffRound[]> {
    const rows = await this.db.db.selectFrom('signoff_rounds').selectAll().where('plan_id', '=', planId).orderBy('requested_at').orderBy('seq').execute();
    return rows.map(toRound);
  }

  async updateRequest(
    roundId: string,
    role: string,
    personId: string,
    from: SignOffRequest['state'],
    change: Partial<Pick<SignOffRequest, 'state' | 'decidedAt' | 'reason'>>,
    meta: ChangeMeta,
  ): Promise<boolean> {
    const at = this.#now();
    const theRequest = request(roundId, role, personId);
    return this.db.transaction(async (tx) => {
      const before = await tx.locked(tx.db.selectFrom('signoff_requests').selectAll().where(theRequest)).executeTakeFirst();
      if (!before || before.state !== from) return false;
      // A field the change leaves out, or gives as null, keeps its value.
      const set = { state: change.state, decided_at: change.decidedAt, reason: change.reason };
      const named = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined && v !== null));
      if (Object.keys(named).length) await tx.db.updateTable('signoff_requests').set(named).where(theRequest).execute();
      const after = (await tx.db.selectFrom('signoff_requests').selectAll().where(theRequest).executeTakeFirst())!;
      const planId = (await tx.db.selectFrom('signoff_rounds').select('plan_id').where('id', '=', roundId).executeTakeFirst())!.plan_id;
      await this.audit(tx, planId, null, at, meta, [{ action: 'update', key: `signoff/${roundId}/${role}/${personId}`, kind: 'signoff-request', before: toRequest(before), after: toRequest(after) }]);
      return true;
    });
  }

  async noteReminder(roundId: string, role: string, personId: string, at: string): Promise<void> {
    await this.db.db
      .updateTable('signoff_requests')
      .set((eb) => ({ reminders_sent: eb('reminders_sent', '+', 1), last_reminded_at: at }))
      .where(request(roundId, role, personId))
      .execute();
  }

  async noteDelivery(roundId: string, role: string, personId: string, at: string): Promise<void> {
    await this.db.db
      .updateTable('signoff_requests')
      .set((eb) => ({ delivered_at: eb.fn.coalesce('delivered_at', eb.val(at)) }))
      .where(request(roundId, role, personId))
      .execute();
  }

  async updateRound(id: string, from: SignOffRound['status'], change: Pick<SignOffRound, 'status' | 'closedAt' | 'closeReason'>, meta: ChangeMeta): Promise<boolean> {
    const at = this.#now();
    return this.db.transaction(async (tx) => {
      const before = await this.#round(tx, id, true);
      if (!before || before.status !== from) return false;
      await tx.db.updateTable('signoff_rounds').set({ status: change.status, closed_at: change.closedAt, close_reason: change.closeReason }).where('id', '=', id).execute();
      if (change.status === 'voided') await tx.db.updateTable('signoff_requests').set({ state: 'voided' }).where('round_id', '=', id).execute();
      const after = (await this.#round(tx, id))!;
      await this.audit(tx, before.planId, before.planVersion, at, meta, [{ action: 'update', key: `signoff/${id}`, kind: 'signoff-round', before: roundSummary(before), after: roundSummary(after) }]);
      return true;
    });
  }

  /** The round; `lock`ed, it is this transaction's to change until it ends. */
  async #round(tx: Sql, id: string, lock = false): Promise<SignOffRound | null> {
    const query = tx.db.selectFrom('signoff_rounds').selectAll().where('id', '=', id);
    const row = await (lock ? tx.locked(query) : query).executeTakeFirst();
    return row ? toRound(row) : null;
  }
}
