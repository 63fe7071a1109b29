import { sql, type QueryCreator } from 'kysely';
import type { Database as Tables } from './database';
import { prepared, type Prepared } from './sql-db';

/**
 * The statements that write a quarterly post: its number (taken from its quarter's row of
 * update_numbers), its row, the milestones it reports on, and, on PostgreSQL, all of that and its
 * audit row as one statement. updates.sql.ts says when each is sent.
 */
/** What adding a post is told: the post's row, and what its audit row says. */
export type PostValues = {
  readonly id: string;
  readonly planId: string;
  readonly workstreamId: string;
  readonly quarter: string;
  readonly authorId: string;
  readonly at: string;
  readonly body: string;
  /** The plan version the post was checked against: nothing is written unless the plan is still at it. */
  readonly planVersion: number;
};

/**
 * The next number of a post's workstream quarter, taken by changing the quarter's row of
 * update_numbers: a second writer of the same quarter waits for that row until the first commits,
 * then numbers after it (PostgreSQL reads the row afresh once it is free). A post already kept (a
 * retried request) takes no number, and nor does a post checked against a plan version that is no
 * longer the plan's (as the statement finds it when it starts): with no number nothing else of it is
 * written. A row behind the posts themselves (made by an older version still running beside this
 * one) is brought up to them.
 */
const nextNumber = (db: QueryCreator<Tables>, v: Pick<PostValues, 'id' | 'planId' | 'workstreamId' | 'quarter' | 'planVersion'>) =>
  db
    .insertInto('update_numbers')
    .columns(['plan_id', 'workstream_id', 'quarter', 'last_sequence'])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(v.planId).as('plan_id'),
          eb.val(v.workstreamId).as('workstream_id'),
          eb.val(v.quarter).as('quarter'),
          sql<number>`(SELECT COALESCE(MAX(sequence), 0) + 1 FROM workstream_updates WHERE plan_id = ${v.planId} AND workstream_id = ${v.workstreamId} AND quarter = ${v.quarter})`.as('last_sequence'),
        ])
        .where((eb) =>
          eb.and([
            eb.not(eb.exists(eb.selectFrom('workstream_updates').select('id').where('id', '=', v.id))),
            eb.exists(eb.selectFrom('plans').select('id').where('id', '=', v.planId).where('version', '=', v.planVersion)),
          ]),
        ),
    )
    .onConflict((c) =>
      c.columns(['plan_id', 'workstream_id', 'quarter']).doUpdateSet((eb) => ({
        last_sequence: eb
          .case()
          .when('update_numbers.last_sequence', '<', eb.ref('excluded.last_sequence'))
          .then(eb.ref('excluded.last_sequence'))
          .else(eb('update_numbers.last_sequence', '+', eb.lit(1)))
          .end(),
      })),
    )
    .returning('last_sequence');

export const NEXT_NUMBER = prepared((db, v: Pick<PostValues, 'id' | 'planId' | 'workstreamId' | 'quarter' | 'planVersion'>) => nextNumber(db, v));

export const ADD_UPDATE = prepared((db, v: PostValues & { sequence: number }) =>
  db.insertInto('workstream_updates').values({
    id: v.id,
    plan_id: v.planId,
    workstream_id: v.workstreamId,
    quarter: v.quarter,
    sequence: v.sequence,
    author_id: v.authorId,
    at: v.at,
    body: v.body,
  }),
);

/** The audit row of a post, but for its number: `head` + the number + `tail` is JSON.stringify of the stored post. */
export type AuditValues = {
  readonly actorId: string;
  readonly summary: string;
  readonly keyHead: string;
  readonly afterHead: string;
  readonly afterTail: string;
};

/**
 * PostgreSQL: a post, its milestones and its audit row added by one statement, which commits on its
 * own. The quarter's number row is held only while the server runs it (with one transaction of
 * several statements it was held across every reply to the bot and the bot's next statement, and
 * every other post of the quarter waited that long). SQLite cannot write in a WITH; it runs the
 * same writes as statements of one transaction (addUpdate). The audit row is the one writeAudit
 * (audit.sql.ts) writes.
 */
export const ADD_UPDATE_AT_ONCE = prepared((db, v: PostValues & AuditValues & { milestones: readonly string[] }) =>
  db
    .with('n', (qc) => nextNumber(qc, v))
    .with('u', (qc) =>
      qc
        .insertInto('workstream_updates')
        .columns(['id', 'plan_id', 'workstream_id', 'quarter', 'sequence', 'author_id', 'at', 'body'])
        .expression((eb) =>
          eb
            .selectFrom('n')
            .select([
              eb.val(v.id).as('id'),
              eb.val(v.planId).as('plan_id'),
              eb.val(v.workstreamId).as('workstream_id'),
              eb.val(v.quarter).as('quarter'),
              'n.last_sequence',
              eb.val(v.authorId).as('author_id'),
              eb.val(v.at).as('at'),
              eb.val(v.body).as('body'),
            ]),
        )
        .returning('sequence'),
    )
    .with('m', (qc) =>
      qc
        .insertInto('workstream_update_milestones')
        .columns(['plan_id', 'workstream_id', 'milestone_id', 'quarter', 'sequence', 'update_id'])
        .expression((eb) =>
          eb
            .selectFrom(['u', sql<{ ms: string }>`unnest(${v.milestones}::text[])`.as('ms')])
            .select([eb.val(v.planId).as('plan_id'), eb.val(v.workstreamId).as('workstream_id'), sql<string>`ms.ms`.as('milestone_id'), eb.val(v.quarter).as('quarter'), 'u.sequence', eb.val(v.id).as('update_id')]),
        )
        .returning('update_id'),
    )
    .with('a', (qc) =>
      qc
        .insertInto('audit_log')
        .columns(['plan_id', 'version', 'at', 'actor_id', 'summary', 'action', 'subject_key', 'kind', 'before', 'after'])
        .expression((eb) =>
          eb
            .selectFrom('u')
            .select([
              eb.val(v.planId).as('plan_id'),
              sql<number | null>`NULL::integer`.as('version'),
              eb.val(v.at).as('at'),
              eb.val(v.actorId).as('actor_id'),
              eb.val(v.summary).as('summary'),
              sql.lit('create').as('action'),
              sql<string>`${v.keyHead}::text || u.sequence`.as('subject_key'),
              sql.lit('workstream-update').as('kind'),
              sql<string | null>`NULL::text`.as('before'),
              sql<string>`${v.afterHead}::text || u.sequence || ${v.afterTail}::text`.as('after'),
            ]),
        )
        .returning('id'),
    )
    .selectFrom('u')
    .select('sequence'),
);

/** The milestones a post reports on, in one statement: one prepared per number of milestones (at most 50). */
const milestoneInserts = new Map<number, Prepared<Readonly<Record<string, string | number>>, unknown>>();
export const addMilestones = (count: number) => {
  let statement = milestoneInserts.get(count);
  if (!statement) {
    statement = prepared((db, v: Readonly<Record<string, string | number>>) =>
      db.insertInto('workstream_update_milestones').values(
        Array.from({ length: count }, (_, i) => ({
          plan_id: v.planId as string,
          workstream_id: v.workstreamId as string,
          milestone_id: v[`milestone${i}`] as string,
          quarter: v.quarter as string,
          sequence: v.sequence as number,
          update_id: v.updateId as string,
        })),
      ),
    );
    milestoneInserts.set(count, statement);
  }
  return statement;
};
