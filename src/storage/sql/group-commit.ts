import { CompiledQuery, type ControlledTransaction, type Kysely } from 'kysely';
import type { Database as Tables } from './database';

const SAVEPOINT = CompiledQuery.raw('SAVEPOINT work');
const RELEASE = CompiledQuery.raw('RELEASE work');
const UNDO = CompiledQuery.raw('ROLLBACK TO work');

/** The most transactions one commit takes, so that none waits long behind the others. */
const MOST_PER_COMMIT = 32;

/**
 * How many statements (reads of other turns) may run before a waiting write begins, however busy
 * the event loop: reads that never yield to it (one promise after another) cannot starve a write.
 */
const MOST_STATEMENTS_WAITED = 256;

interface Waiting<S> {
  readonly work: (tx: S) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * SQLite's transactions, committed together when several are waiting. Each commit's log is synced
 * to disk before anything of it is answered or read (sqlite-driver.ts), which took longer than the
 * rest of a quarterly update; transactions that reach the database while others are running share
 * one commit and so one sync (issue 21).
 *
 * They still run one at a time, on the one connection, as before. The first of a group is the
 * transaction itself; each later one runs in a savepoint, so a failure (a stale version, a
 * refused input) undoes only its own writes. None is answered until the group's commit is on
 * disk: if the commit fails, or SQLite abandons the whole transaction (a full disk, an I/O
 * error), every transaction in the group fails, and nothing of it was kept or acknowledged.
 */
export class GroupCommit<S> {
  readonly #waiting: Waiting<S>[] = [];
  #state: 'idle' | 'due' | 'running' = 'idle';
  #statementsWaited = 0;

  constructor(
    private readonly db: Kysely<Tables>,
    /** Whether the connection is inside a transaction (SQLite ends one itself on some errors). */
    private readonly inTransaction: () => boolean,
    private readonly open: (trx: Kysely<Tables>) => S,
    /** Runs a statement of the group's own (its savepoints) on the connection the group holds. */
    private readonly execute: (query: CompiledQuery) => Promise<unknown> = (query) => this.db.executeQuery(query),
  ) {}

  run<T>(work: (tx: S) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#state !== 'idle') return;
      // Begun once the event loop has run what is ready, so that turns reaching their write meanwhile share this commit.
      this.#state = 'due';
      this.#statementsWaited = 0;
      setImmediate(() => this.#begin());
    });
  }

  /** Told of every statement the connection runs. */
  statementRan(): void {
    if (this.#state === 'due' && ++this.#statementsWaited >= MOST_STATEMENTS_WAITED) queueMicrotask(() => this.#begin());
  }

  #begin(): void {
    if (this.#state !== 'due') return;
    this.#state = 'running';
    void this.#drain();
  }

  async #drain(): Promise<void> {
    try {
      // Each group has settled every transaction it took, whatever happened to it.
      while (this.#waiting.length) await this.#group().catch(() => undefined);
    } finally {
      this.#state = 'idle';
    }
  }

  async #group(): Promise<void> {
    let trx: ControlledTransaction<Tables>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
      return;
    }
    const tx = this.open(trx);
    const done: { waiting: Waiting<S>; value: unknown }[] = [];
    let current: Waiting<S> | undefined;
    try {
      while (this.#waiting.length && done.length < MOST_PER_COMMIT) {
        current = this.#waiting.shift()!;
        const alone = done.length === 0;
        if (!alone) await this.execute(SAVEPOINT);
        let value: unknown;
        try {
          value = await current.work(tx);
        } catch (error) {
          if (alone || !this.inTransaction()) throw error;
          current.reject(error);
          current = undefined;
          await this.execute(UNDO);
          await this.execute(RELEASE);
          continue;
        }
        if (!alone) await this.execute(RELEASE);
        done.push({ waiting: current, value });
        current = undefined;
      }
      await trx.commit().execute();
    } catch (error) {
      // Not committed: nothing of the group was kept, so none of it is acknowledged.
      current?.reject(error);
      for (const { waiting } of done) waiting.reject(error);
      await this.#abandon(trx);
      return;
    }
    for (const { waiting, value } of done) waiting.resolve(value);
  }

  /** Rolled back, unless SQLite already did so itself; the connection is released either way. */
  async #abandon(trx: ControlledTransaction<Tables>): Promise<void> {
    try {
      await trx.rollback().execute();
    } catch (error) {
      if (this.inTransaction()) throw error;
    }
  }
}
