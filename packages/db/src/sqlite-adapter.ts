import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { createLock } from "./async-lock.ts";
import { MIGRATIONS_TABLE } from "./migrate/applied-migrations.ts";

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Per-connection settings. SQLite leaves foreign keys off unless each connection turns them on, and
 * Prisma's better-sqlite3 adapter does not: without this, `onDelete: Cascade` and every relation
 * would be unchecked on SQLite while PostgreSQL enforces them.
 *
 * `synchronous = NORMAL` is SQLite's documented safe choice in WAL mode (the file's mode, set by the
 * migration runner; https://www.sqlite.org/pragma.html#pragma_synchronous): no corruption, and a
 * committed transaction survives the process being killed; only a power loss or OS crash may undo
 * the last commits. It saves the fsync per commit (FULL's default), which better-sqlite3 performs on
 * the event loop, blocking every other request meanwhile.
 */
const CONNECTION_PRAGMAS = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

/**
 * A write that matches no row: run first in a transaction, it takes the database's write lock at
 * once, as `BEGIN IMMEDIATE` would (the adapter only issues `BEGIN`). A transaction that read first
 * and wrote later would fail with SQLITE_BUSY_SNAPSHOT if another process committed in between.
 */
const TAKE_WRITE_LOCK: SqlQuery = {
  sql: `UPDATE "${MIGRATIONS_TABLE}" SET "name" = "name" WHERE 0`,
  args: [],
  argTypes: [],
};

/**
 * Prisma's better-sqlite3 adapter, made safe for concurrent requests in one process:
 *
 * - foreign keys on for every connection it opens;
 * - one statement at a time on its single connection, and nothing else while a transaction is open.
 *   The adapter serialises transactions with each other but lets other queries run on the same
 *   connection in the middle of one, where they would read its uncommitted rows;
 * - transactions take the write lock when they begin (see TAKE_WRITE_LOCK).
 *
 * The file's folder is created first (better-sqlite3 creates the file, not its folder). WAL mode is a
 * property of the file, set by the migration runner.
 */
export function createSqliteAdapter(file: string): SqlMigrationAwareDriverAdapterFactory {
  mkdirSync(dirname(file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  async function open(connect: () => Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
    const adapter = await connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return serializeConnection(adapter);
  }
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => open(() => inner.connect()),
    connectToShadowDb: () => open(() => inner.connectToShadowDb()),
  };
}

function serializeConnection(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const acquire = createLock();
  async function exclusively<T>(run: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }
  const serialized: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => exclusively(() => adapter.queryRaw(query)),
    executeRaw: (query) => exclusively(() => adapter.executeRaw(query)),
    executeScript: (script) => exclusively(() => adapter.executeScript(script)),
    dispose: () => exclusively(() => adapter.dispose()),
    async startTransaction(isolationLevel) {
      const release = await acquire();
      let transaction: Transaction | undefined;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
        await transaction.executeRaw(TAKE_WRITE_LOCK);
        return releasingWhenDone(transaction, release);
      } catch (error) {
        if (transaction) await abandon(transaction);
        release();
        throw error;
      }
    },
  };
  const connectionInfo = adapter.getConnectionInfo?.bind(adapter);
  return connectionInfo ? { ...serialized, getConnectionInfo: connectionInfo } : serialized;
}

/** Prisma ends a transaction by sending COMMIT or ROLLBACK, then calling commit() or rollback(). */
function releasingWhenDone(transaction: Transaction, release: () => void): Transaction {
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      release();
    }
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => end(() => transaction.commit()),
    rollback: () => end(() => transaction.rollback()),
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}

async function abandon(transaction: Transaction): Promise<void> {
  await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => 0);
  await transaction.rollback();
}
