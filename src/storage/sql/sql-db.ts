import { CompiledQuery, Kysely, sql, PostgresDialect, type Compilable, type QueryResult, type SelectQueryBuilder } from 'kysely';
import type pg from 'pg';
import type { Database as Tables } from './database';
import { GroupCommit } from './group-commit';
import { nulFreePool, queryPool } from './nul-free-pool';
import { SqliteConnection, sqliteDialect, type SqliteOptions } from './sqlite-driver';

export type Dialect = 'sqlite' | 'postgres';

/**
 * A statement built and compiled once per database, then sent with each call's values. Kysely
 * builds and compiles a query afresh on every call, which on the busiest paths (a quarterly
 * update, a person looked up every turn) cost more CPU than SQLite took to run it (issue 21).
 * `build` is given stand-ins for the values: each may reach the query only as a parameter,
 * never decide its shape; `run` refuses a statement that breaks that (see compileOnce).
 */
export interface Prepared<V, O> {
  readonly build: (db: Kysely<Tables>, values: V) => Compilable<O>;
}

export const prepared = <V extends Readonly<Record<string, unknown>>, O>(build: (db: Kysely<Tables>, values: V) => Compilable<O>): Prepared<V, O> => ({ build });

/** A compiled statement and, for each of its parameters, the value it takes (undefined: the one compiled in). */
interface Compiled {
  readonly query: CompiledQuery;
  readonly slots: readonly (string | undefined)[];
}

/**
 * The names PostgreSQL knows prepared statements by: one per statement text, each text its own, so
 * a name is never sent with a different statement (pg would refuse it; PostgreSQL would run the
 * other). A statement that reads `*` is left unnamed: its result columns are whatever the table
 * has, and a named one fails ("cached plan must not change result type") on every connection
 * already holding it once a later migration adds a column, on every instance still running then.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  /** What the pool looks texts up in. */
  get byText(): ReadonlyMap<string, string> {
    return this.#names;
  }

  /** The statement's name, given once; undefined for a statement that reads `*`. */
  name(text: string): string | undefined {
    if (readsStar(text)) return undefined;
    let name = this.#names.get(text);
    if (!name) {
      name = `send_${this.#names.size + 1}`;
      this.#names.set(text, name);
    }
    return name;
  }
}

/** `select *`, `"u".*` (Kysely's selectAll), `RETURNING *`: not COUNT(*). */
export const readsStar = (text: string): boolean => /(?:\bselect\s+|\breturning\s+|"\.|,\s*)\*/i.test(text);

/** Private-use characters: no value a person sends is mistaken for a stand-in, which is looked up whole. */
const STAND_IN = '\uE000';
const standIn = (name: string) => `${STAND_IN}${name}\uE001`;

const compileOnce = <V, O>(db: Kysely<Tables>, statement: Prepared<V, O>): Compiled => {
  const named = new Set<string>();
  const values = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        named.add(name);
        return standIn(name);
      },
    },
  ) as V;
  const query = statement.build(db, values).compile();
  const byStandIn = new Map([...named].map((name) => [standIn(name), name]));
  const slots = query.parameters.map((p) => (typeof p === 'string' ? byStandIn.get(p) : undefined));
  // A value written into the SQL, changed on its way in, or deciding the shape would be the first call's for ever.
  const misused =
    query.sql.includes(STAND_IN) ||
    query.parameters.some((p, i) => slots[i] === undefined && typeof p === 'string' && p.includes(STAND_IN)) ||
    [...named].some((name) => !slots.includes(name));
  if (misused) throw new Error(`A prepared statement must take each of its values (${[...named].join(', ')}) as a parameter, unchanged: ${query.sql}`);
  return { query, slots };
};

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
  /** A prepared statement with this call's values (every one named, null where there is none). */
  run<V extends Readonly<Record<string, unknown>>, O>(statement: Prepared<V, O>, values: V): Promise<QueryResult<O>>;
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
    /** Shared by the database and its transactions: one dialect, so one compiled text. */
    private readonly compiled: Map<Prepared<never, unknown>, Compiled>,
    /** SQLite's one connection, past Kysely: a statement run at once when nothing stands in its way. */
    private readonly sqlite?: SqliteConnection,
    /** A transaction's (on SQLite, its group's), rather than the database's. */
    private readonly inTransaction = false,
    /** PostgreSQL: prepared statements are sent as named statements (nul-free-pool.ts). */
    private readonly names?: StatementNames,
    /** PostgreSQL, outside a transaction: a prepared statement sent straight to the pool (queryPool). */
    private readonly direct?: (query: CompiledQuery) => Promise<QueryResult<unknown>>,
  ) {}

  async run<V extends Readonly<Record<string, unknown>>, O>(statement: Prepared<V, O>, values: V): Promise<QueryResult<O>> {
    let compiled = this.compiled.get(statement as Prepared<never, unknown>);
    if (!compiled) {
      compiled = compileOnce(this.db, statement);
      this.names?.name(compiled.query.sql);
      this.compiled.set(statement as Prepared<never, unknown>, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((slot, i) => {
      if (slot === undefined) return query.parameters[i];
      const value = (values as Readonly<Record<string, unknown>>)[slot];
      if (value === undefined) throw new Error(`No value for ${slot}: ${query.sql}`);
      return value;
    });
    const ready = { ...query, parameters } as CompiledQuery<O>;
    // better-sqlite3 runs a statement to its end before anything else runs, so one that cannot land
    // in another's transaction runs at once, rather than through Kysely's queue for the connection,
    // which cost more than most statements do: a transaction's own, while it is open; or one outside
    // any, while nobody holds the connection (no transaction open, no log being synced).
    if (this.sqlite && (this.inTransaction ? this.sqlite.inTransaction() : this.sqlite.free && !this.sqlite.inTransaction())) return this.sqlite.executeQuery<O>(ready);
    // Else it waits its turn for the connection as Kysely's queue would, without Kysely's executor around it.
    if (this.sqlite && !this.inTransaction) return this.sqlite.held((connection) => connection.executeQuery<O>(ready));
    if (this.direct) return this.direct(ready) as Promise<QueryResult<O>>;
    return this.db.executeQuery<O>(ready);
  }

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
    if (this.sqlite && this.inTransaction) await this.sqlite.exec(text);
    else if (this.sqlite) await this.sqlite.held((connection) => connection.exec(text));
    // Without parameters pg uses the simple protocol, which runs several statements in one go.
    else await this.db.executeQuery(CompiledQuery.raw(text, []));
  }
}

class KyselyDb extends KyselySql implements SqlDb {
  constructor(
    dialect: Dialect,
    db: Kysely<Tables>,
    private readonly statements: Map<Prepared<never, unknown>, Compiled>,
    sqlite?: SqliteConnection,
    /** SQLite's transactions, sharing commits when several are waiting (group-commit.ts). */
    private readonly group?: GroupCommit<Sql>,
    private readonly statementNames?: StatementNames,
    direct?: (query: CompiledQuery) => Promise<QueryResult<unknown>>,
  ) {
    super(dialect, db, statements, sqlite, false, statementNames, direct);
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.group) return this.group.run(work);
    return this.db.transaction().execute((trx) => work(new KyselySql(this.dialect, trx, this.statements, undefined, false, this.statementNames)));
  }

  snapshot<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    // SQLite's transaction holds its only connection, so it already sees one moment.
    if (this.dialect === 'sqlite') return this.transaction(work);
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => work(new KyselySql(this.dialect, trx, this.statements, undefined, false, this.statementNames)));
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

/**
 * The embedded database: one connection (sqlite-driver.ts, which says how commits are made
 * durable), each statement prepared once and reused, transactions sharing commits (group-commit.ts).
 */
export const openSqlite = (file: string, hooks: SqlHooks & Pick<SqliteOptions, 'syncFile'> = {}): SqlDb => {
  const connection = new SqliteConnection(file, { onQuery: hooks.onQuery, syncFile: hooks.syncFile, onStatement: () => group.statementRan() });
  const kysely = new Kysely<Tables>({ dialect: sqliteDialect(connection) });
  const compiled = new Map<Prepared<never, unknown>, Compiled>();
  const group: GroupCommit<Sql> = new GroupCommit<Sql>(
    kysely,
    () => connection.inTransaction(),
    (trx) => new KyselySql('sqlite', trx, compiled, connection, true),
    (query) => connection.executeQuery(query),
  );
  return new KyselyDb('sqlite', kysely, compiled, connection, group);
};

/** pg is loaded when PostgreSQL is first used: a bot on the embedded SQLite never holds it in memory. */
const newPool = async (url: string, poolSize: number): Promise<pg.Pool> => {
  const { default: pgLib } = await import('pg');
  // PostgreSQL's BIGINT (COUNT, SUM) arrives as a string by default; every count here fits a number.
  pgLib.types.setTypeParser(pgLib.types.builtins.INT8, (v) => Number(v));
  const pool = new pgLib.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 15_000 });
  // An idle connection the server drops (a restart, a failover) must not take the bot down; the pool reconnects.
  pool.on('error', () => undefined);
  return pool;
};

export const openPostgres = (url: string, poolSize = 10, hooks: SqlHooks = {}): SqlDb => {
  const names = new StatementNames();
  let pool: Promise<pg.Pool> | undefined;
  const opened = () => (pool ??= newPool(url, poolSize));
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: async () => nulFreePool(await opened(), names.byText) }), ...logOf(hooks) });
  // One pool, shared by Kysely (transactions, built queries) and the prepared statements of every turn.
  const direct = async (query: CompiledQuery) => {
    hooks.onQuery?.();
    return queryPool(await opened(), names.byText, query);
  };
  return new KyselyDb('postgres', kysely, new Map(), undefined, undefined, names, direct);
};

/**
 * Whether a statement was refused for a value a UNIQUE or PRIMARY KEY constraint already holds
 * (PostgreSQL's SQLSTATE 23505; better-sqlite3's SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY): the
 * statement, and on PostgreSQL its transaction, changed nothing.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};
