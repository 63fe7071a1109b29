import Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';
import { closeSync, fdatasync, mkdirSync, openSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { withoutNul } from './without-nul';

/** Syncs a file's data to disk (fdatasync, on libuv's thread pool: the event loop runs on meanwhile). */
export type SyncFile = (fd: number) => Promise<void>;

const fdatasyncOffThread: SyncFile = (fd) => new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

export interface SqliteOptions {
  /** Called once for every statement sent (the bench counts round trips with it). */
  readonly onQuery?: () => void;
  /** Told of every statement run (the group commit counts those run while a write waits). */
  readonly onStatement?: () => void;
  /** How the write-ahead log is synced after a commit (tests slow it down or fail it). */
  readonly syncFile?: SyncFile;
}

/** Every statement this connection prepared, reused: Kysely would prepare each afresh. */
type Statement = Pick<Database.Statement, 'reader' | 'readonly'> & {
  all(values: readonly unknown[]): unknown[];
  run(values: readonly unknown[]): Database.RunResult;
  iterate(values: readonly unknown[]): IterableIterator<unknown>;
};

/** A change that may leave the rows as they were, and then wrote nothing: the rest always write. */
const DML = /^\s*(?:insert|update|delete|replace|with)\b/i;

/**
 * SQLite's one connection (better-sqlite3) as Kysely's driver, with commits made durable off the
 * event loop (issue 21).
 *
 * SQLite's `synchronous = FULL` syncs the write-ahead log inside COMMIT, and better-sqlite3 runs
 * COMMIT on the event loop, so the whole bot stood still for each sync (2-3 ms on a cloud disk,
 * more than the rest of a quarterly update). FULL in WAL mode is NORMAL plus one sync of the log
 * after each commit; here SQLite runs NORMAL and the connection makes that one sync itself, on
 * libuv's thread pool, after every commit and every write made outside a transaction. Until it is
 * done the connection is held: no statement runs (so nothing in this process reads what is not yet
 * on disk), and the write is not answered. Then it is as durable as FULL made it: a commit
 * answered survives a process crash, an operating-system crash and a power cut. A failed sync
 * leaves the database refusing every statement: what it holds may not be on disk, and only a
 * restart (SQLite recovering the log from the disk) says what is.
 *
 * On a database that is not in WAL mode (`:memory:`), SQLite keeps its own setting and there is
 * no log to sync.
 */
export class SqliteConnection implements DatabaseConnection {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Statement>();
  readonly #log: { readonly path: string; fd?: number; readonly sync: SyncFile } | undefined;
  /** The log's sync under way: nothing runs until it is done. */
  #syncing: Promise<void> | undefined;
  /** Set once a sync failed: nothing runs after it. */
  #failed: Error | undefined;
  #held = false;
  readonly #waiting: (() => void)[] = [];

  constructor(
    file: string,
    private readonly options: SqliteOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    this.#db = db;
    const wal = db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
    // Said at every start, not left to the default (a file already in WAL mode opens with NORMAL):
    // NORMAL with the log synced here after each commit, else FULL, SQLite syncing every commit itself.
    db.pragma(wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite keeps the log beside the database's real file (a symbolic link followed).
    this.#log = wal ? { path: `${realpathSync(file)}-wal`, sync: options.syncFile ?? fdatasyncOffThread } : undefined;
  }

  inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  /** Whether a statement can run now, not waiting for the connection: nothing holds it and no sync is under way. */
  get free(): boolean {
    return !this.#held && !this.#syncing && !this.#failed;
  }

  /** The connection, once nobody holds it and the log's sync under way is done. */
  async acquire(): Promise<this> {
    while (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    try {
      await this.#synced();
    } catch (error) {
      this.release();
      throw error;
    }
    return this;
  }

  release(): void {
    this.#held = false;
    this.#waiting.shift()?.();
  }

  /** `work` on the connection once it is free, as Kysely's queue for it would run it. */
  async held<T>(work: (connection: this) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      connection.release();
    }
  }

  /** A migration file, or raw statements: several statements, no values. */
  exec(text: string): Promise<void> {
    this.#refuseIfFailed();
    this.options.onStatement?.();
    this.#db.exec(text);
    return this.#db.inTransaction ? Promise.resolve() : this.#syncLog();
  }

  /**
   * Runs the statement now, on the connection its caller holds (or free, see `free`): its rows, or
   * what it changed, once what it wrote outside a transaction is on disk.
   */
  executeQuery<R>({ sql: text, parameters }: CompiledQuery): Promise<QueryResult<R>> {
    this.#refuseIfFailed();
    this.options.onQuery?.();
    const statement = this.#prepare(text);
    let result: QueryResult<R>;
    let wrote: boolean;
    if (statement.reader) {
      result = { rows: statement.all(parameters) as R[] };
      wrote = !statement.readonly;
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      result = { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
      wrote = !statement.readonly && (changes > 0 || !DML.test(text));
    }
    if (wrote && !this.#db.inTransaction) return this.#syncLog().then(() => result);
    return Promise.resolve(result);
  }

  // eslint-disable-next-line require-yield
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('Statements are not streamed here');
  }

  /** COMMIT, answered once the log holding it is on disk. */
  async commit(): Promise<void> {
    this.#refuseIfFailed();
    this.options.onQuery?.();
    this.#prepare('commit').run([]);
    await this.#syncLog();
  }

  close(): void {
    if (this.#log?.fd !== undefined) closeSync(this.#log.fd);
    this.#db.close();
  }

  #prepare(text: string): Statement {
    this.options.onStatement?.();
    let statement = this.#statements.get(text);
    if (!statement) {
      // Statements built with a variable number of values (id lists) are many; keep the cache bounded.
      if (this.#statements.size >= 1000) this.#statements.clear();
      const native = this.#db.prepare(text);
      statement = {
        reader: native.reader,
        readonly: native.readonly,
        all: (values) => native.all(withoutNul(values)),
        run: (values) => native.run(withoutNul(values)),
        iterate: (values) => native.iterate(withoutNul(values)),
      };
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** The log synced to disk: everything committed before now is then durable. */
  #syncLog(): Promise<void> {
    const log = this.#log;
    if (!log) return Promise.resolve();
    const syncing = (async () => {
      // Opened once SQLite has made the file (at the first write): the same file while the database is open.
      log.fd ??= openSync(log.path, 'r');
      await log.sync(log.fd);
    })().catch((error: unknown) => {
      this.#failed = new Error(`The database's log could not be written to disk (${error instanceof Error ? error.message : String(error)}): nothing more is written or read until the bot is restarted.`, { cause: error });
      throw this.#failed;
    });
    this.#syncing = syncing;
    const done = () => {
      if (this.#syncing === syncing) this.#syncing = undefined;
    };
    syncing.then(done, done);
    return syncing;
  }

  async #synced(): Promise<void> {
    while (this.#syncing) await this.#syncing;
    this.#refuseIfFailed();
  }

  #refuseIfFailed(): void {
    if (this.#failed) throw this.#failed;
  }
}

/** Kysely's driver over the one connection: a transaction holds it from BEGIN to its COMMIT being on disk. */
class SqliteDriver implements Driver {
  constructor(private readonly connection: SqliteConnection) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return this.connection.acquire();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  commitTransaction(): Promise<void> {
    return this.connection.commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.connection.release();
  }

  async destroy(): Promise<void> {
    this.connection.close();
  }
}

/** Kysely's SQLite dialect (its compiler, adapter and introspector) on this connection. */
export const sqliteDialect = (connection: SqliteConnection): Dialect => ({
  createAdapter: () => new SqliteAdapter(),
  createDriver: () => new SqliteDriver(connection),
  createQueryCompiler: () => new SqliteQueryCompiler(),
  createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
});
