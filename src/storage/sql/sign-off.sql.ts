import type { ChangeMeta, Clock, RoundWithRequests, SignOffRequest, SignOffRound } from '../../app/ports';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

interface RoundRow {
  id: string;
  plan_id: string;
  plan_version: number;
  plan_hash: string;
  document: string;
  token: string;
  requested_by: string;
  requested_at: string;
  status: SignOffRound['status'];
  closed_at: string | null;
  close_reason: string | null;
}
interface RequestRow {
  round_id: string;
  role: SignOffRequest['role'];
  person_id: string;
  name: string;
  email: string | null;
  required: number;
  state: SignOffRequest['state'];
  decided_at: string | null;
  reason: string | null;
  reminders_sent: number;
  last_reminded_at: string | null;
  delivered_at: string | null;
}
const toRound = (r: RoundRow): SignOffRound => ({
  id: r.id,
  planId: r.plan_id,
  planVersion: r.plan_version,
  planHash: r.plan_hash,
  token: r.token,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  status: r.status,
  closedAt: r.closed_at,
  closeReason: r.close_reason,
});
const toRequest = (r: RequestRow): SignOffRequest => ({
  roundId: r.round_id,
  role: r.role,
  personId: r.person_id,
  name: r.name,
  email: r.email,
  required: r.required === 1,
  state: r.state,
  decidedAt: r.decided_at,
  reason: r.reason,
  remindersSent: r.reminders_sent,
  lastRemindedAt: r.last_reminded_at,
  deliveredAt: r.delivered_at,
});
/** What the audit log keeps of a round: not the whole document again. */
const roundSummary = (r: SignOffRound) => ({ id: r.id, planVersion: r.planVersion, planHash: r.planHash, status: r.status, closeReason: r.closeReason });
const REQUEST = 'WHERE round_id = ? AND role = ? AND person_id = ?';

/** Sign-off rounds and each signatory's request in them. State changes are compare-and-set. */
export class SqlSignOff {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  createRound(round: SignOffRound, requests: readonly SignOffRequest[], meta: ChangeMeta): Promise<void> {
    const at = this.now();
    return this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO signoff_rounds (id, plan_id, plan_version, plan_hash, document, token, requested_by, requested_at, status, closed_at, close_reason, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM signoff_rounds))`,
        round.id,
        round.planId,
        round.planVersion,
        round.planHash,
        round.planHash,
        round.token,
        round.requestedBy,
        round.requestedAt,
        round.status,
        round.closedAt,
        round.closeReason,
      );
      for (const [i, r] of requests.entries()) {
        await tx.run(
          `INSERT INTO signoff_requests (round_id, role, person_id, name, email, required, state, decided_at, reason, reminders_sent, last_reminded_at, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          r.roundId,
          r.role,
          r.personId,
          r.name,
          r.email,
          r.required ? 1 : 0,
          r.state,
          r.decidedAt,
          r.reason,
          r.remindersSent,
          r.lastRemindedAt,
          i + 1,
        );
      }
      await this.audit(tx, round.planId, round.planVersion, at, meta, [
        { action: 'create', key: `signoff/${round.id}`, kind: 'signoff-round', before: null, after: { ...roundSummary(round), requests: requests.map((r) => ({ role: r.role, personId: r.personId })) } },
      ]);
    });
  }

  /** The round and its requests as of one moment: never an open round with voided requests. */
  loadRound(id: string): Promise<RoundWithRequests | null> {
    return this.db.snapshot(async (tx) => {
      const row = await tx.get<RoundRow>('SELECT * FROM signoff_rounds WHERE id = ?', id);
      if (!row) return null;
      const requests = (await tx.all<RequestRow>('SELECT * FROM signoff_requests WHERE round_id = ? ORDER BY required DESC, seq', id)).map(toRequest);
      return { round: toRound(row), requests };
    });
  }

  async findRoundByToken(token: string): Promise<SignOffRound | null> {
    const row = await this.db.get<RoundRow>('SELECT * FROM signoff_rounds WHERE token = ?', token);
    return row ? toRound(row) : null;
  }

  async listRounds(planId: string): Promise<SignOffRound[]> {
    return (await this.db.all<RoundRow>('SELECT * FROM signoff_rounds WHERE plan_id = ? ORDER BY requested_at, seq', planId)).map(toRound);
  }

  updateRequest(
    roundId: string,
    role: string,
    personId: string,
    from: SignOffRequest['state'],
    change: Partial<Pick<SignOffRequest, 'state' | 'decidedAt' | 'reason'>>,
    meta: ChangeMeta,
  ): Promise<boolean> {
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const before = await tx.get<RequestRow>(`SELECT * FROM signoff_requests ${REQUEST}${tx.forUpdate}`, roundId, role, personId);
      if (!before || before.state !== from) return false;
      await tx.run(
        `UPDATE signoff_requests SET state = COALESCE(?, state), decided_at = COALESCE(?, decided_at), reason = COALESCE(?, reason) ${REQUEST}`,
        change.state ?? null,
        change.decidedAt ?? null,
        change.reason ?? null,
        roundId,
        role,
        personId,
      );
      const after = (await tx.get<RequestRow>(`SELECT * FROM signoff_requests ${REQUEST}`, roundId, role, personId))!;
      const planId = (await tx.get<{ plan_id: string }>('SELECT plan_id FROM signoff_rounds WHERE id = ?', roundId))!.plan_id;
      await this.audit(tx, planId, null, at, meta, [{ action: 'update', key: `signoff/${roundId}/${role}/${personId}`, kind: 'signoff-request', before: toRequest(before), after: toRequest(after) }]);
      return true;
    });
  }

  async noteReminder(roundId: string, role: string, personId: string, at: string): Promise<void> {
    await this.db.run(`UPDATE signoff_requests SET reminders_sent = reminders_sent + 1, last_reminded_at = ? ${REQUEST}`, at, roundId, role, personId);
  }

  async noteDelivery(roundId: string, role: string, personId: string, at: string): Promise<void> {
    await this.db.run(`UPDATE signoff_requests SET delivered_at = COALESCE(delivered_at, ?) ${REQUEST}`, at, roundId, role, personId);
  }

  updateRound(id: string, from: SignOffRound['status'], change: Pick<SignOffRound, 'status' | 'closedAt' | 'closeReason'>, meta: ChangeMeta): Promise<boolean> {
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const before = await this.round(tx, id, tx.forUpdate);
      if (!before || before.status !== from) return false;
      await tx.run('UPDATE signoff_rounds SET status = ?, closed_at = ?, close_reason = ? WHERE id = ?', change.status, change.closedAt, change.closeReason, id);
      if (change.status === 'voided') await tx.run("UPDATE signoff_requests SET state = 'voided' WHERE round_id = ?", id);
      const after = (await this.round(tx, id))!;
      await this.audit(tx, before.planId, before.planVersion, at, meta, [{ action: 'update', key: `signoff/${id}`, kind: 'signoff-round', before: roundSummary(before), after: roundSummary(after) }]);
      return true;
    });
  }

  private async round(tx: Sql, id: string, lock = ''): Promise<SignOffRound | null> {
    const row = await tx.get<RoundRow>(`SELECT * FROM signoff_rounds WHERE id = ?${lock}`, id);
    return row ? toRound(row) : null;
  }
}
