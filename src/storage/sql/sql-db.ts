import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, sql, PostgresDialect, SqliteDialect, type SelectQueryBuilder } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { Database as Tables } from './database';
import { nulFreePool } from './nul-free-pool';
import { withoutNul } from './without-nul';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The one query layer both databases share: Kysely's typed builder over every table
 * (database.ts), run on SQLite (better-sqlite3) or PostgreSQL (pg), one connection pinned per
 * transaction. Where the two dialects differ, the difference is named here (row locks, advisory
 * locks, running a migration file), never a second copy of a query.
 */
export interface Sql {
  readonly dialect: Dialect;
  /** The typed query builder, on this transaction's connection when there is one. */
  readonly db: Kysely<Tables>;
  /** The rows read are this transaction's to change until it ends (` FOR NO KEY UPDATE` on PostgreSQL; SQLite has one writer anyway). */
  locked<Q extends SelectQueryBuilder<Tables, keyof Tables, object>>(query: Q): Q;
  /** Rows another instance is claiming are passed over, not waited for (` FOR UPDATE SKIP LOCKED` on PostgreSQL). */
  unclaimed<Q extends SelectQueryBuilder<Tables, keyof Tables, object>>(query: Q): Q;
  /**
   * Holds `key` until the transaction ends, so concurrent writers of the same thing (the next
   * update number of a workstream's quarter, say) take turns. A no-op on SQLite, whose
   * transactions already run one at a time.
   */
  lock(key: string): Promise<void>;
  /** A migration file: several statements, no parameters. */
  script(text: string): Promise<void>;
}

export interface SqlDb extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Several reads that must see one moment of the database (REPEATABLE READ on PostgreSQL). */
  snapshot<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

class KyselySql implements Sql {
  constructor(
    readonly dialect: Dialect,
    readonly db: Kysely<Tables>,
    private readonly sqliteScript?: (text: string) => void,
  ) {}

  locked<Q extends SelectQueryBuilder<Tables, keyof Tables, object>>(query: Q): Q {
    return this.dialect === 'postgres' ? (query.forNoKeyUpdate() as Q) : query;
  }

  unclaimed<Q extends SelectQueryBuilder<Tables, keyof Tables, object>>(query: Q): Q {
    return this.dialect === 'postgres' ? (query.forUpdate().skipLocked() as Q) : query;
  }

  async lock(key: string): Promise<void> {
    if (this.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(this.db);
  }

  async script(text: string): Promise<void> {
    // better-sqlite3 prepares one statement at a time; its exec runs a file, on the same (only) connection.
    if (this.sqliteScript) this.sqliteScript(text);
    // Without parameters pg uses the simple protocol, which runs several statements in one go.
    else await this.db.executeQuery(CompiledQuery.raw(text, []));
  }
}

class KyselyDb extends KyselySql implements SqlDb {
  constructor(
    dialect: Dialect,
    db: Kysely<Tables>,
    private readonly exec?: (text: string) => void,
  ) {
    super(dialect, db, exec);
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new KyselySql(this.dialect, trx, this.exec)));
  }

  snapshot<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    // SQLite's transaction holds its only connection, so it already sees one moment.
    if (this.dialect === 'sqlite') return this.transaction(work);
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => work(new KyselySql(this.dialect, trx, this.exec)));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** For measuring: called once for every statement sent to the database (the bench counts round trips with it). */
export interface SqlHooks {
  readonly onQuery?: () => void;
}

const logOf = (hooks: SqlHooks) => (hooks.onQuery ? { log: () => hooks.onQuery!() } : {});

export const openSqlite = (file: string, hooks: SqlHooks = {}): SqlDb => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Kysely prepares each statement afresh; the statements here are a fixed set, so each is
  // prepared once and reused (one connection, used by one query at a time).
  const statements = new Map<string, Pick<Database.Statement, 'reader' | 'all' | 'run' | 'iterate'>>();
  const database = {
    close: () => db.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        // Statements built with a variable number of values (id lists) are many; keep the cache bounded.
        if (statements.size >= 1000) statements.clear();
        const prepared = db.prepare(text);
        statement = {
          reader: prepared.reader,
          all: (values: unknown[]) => prepared.all(withoutNul(values)),
          run: (values: unknown[]) => prepared.run(withoutNul(values)),
          iterate: (values: unknown[]) => prepared.iterate(withoutNul(values)),
        } as Pick<Database.Statement, 'reader' | 'all' | 'run' | 'iterate'>;
        statements.set(text, statement);
      }
      return statement;
    },
  };
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database }), ...logOf(hooks) });
  return new KyselyDb('sqlite', kysely, (text) => void db.exec(text));
};

// PostgreSQL's BIGINT (COUNT, SUM) arrives as a string by default; every count here fits a number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export const openPostgres = (url: string, poolSize = 10, hooks: SqlHooks = {}): SqlDb => {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 15_000 });
  // An idle connection the server drops (a restart, a failover) must not take the bot down; the pool reconnects.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: nulFreePool(pool) }), ...logOf(hooks) });
  return new KyselyDb('postgres', kysely);
};
