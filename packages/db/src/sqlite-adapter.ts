import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  isDriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { createLock } from "./async-lock.ts";
import { MIGRATIONS_TABLE } from "./migrate/applied-migrations.ts";

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** The pause between two tries for another process's write lock. */
const BUSY_RETRY_MS = 1;
/**
 * SQLite's lock is not fair: a process whose transactions queue would take it again the moment it
 * commits, before another process's next try, and starve it. Once this connection has been refused
 * the lock (so another process writes too), its next transaction starts HANDOVER_MS after the last
 * ended, longer than the other's pause between tries; for CONTENDED_FOR_MS after the last refusal.
 */
const HANDOVER_MS = 2;
const CONTENDED_FOR_MS = 10_000;

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
 * - transactions take the write lock when they begin (see TAKE_WRITE_LOCK);
 * - and safe beside other processes on the same file (the app's other processes, the CLI): a
 *   statement or transaction refused the lock waits on a timer and tries again (whenUnlockedNoting),
 *   one transaction per process at a time, handing the lock over once another process writes too.
 *
 * The file's folder is created first (better-sqlite3 creates the file, not its folder). WAL mode is a
 * property of the file, set by the migration runner.
 */
export function createSqliteAdapter(file: string): SqlMigrationAwareDriverAdapterFactory {
  mkdirSync(dirname(file), { recursive: true });
  // No busy timeout in SQLite itself: its busy handler sleeps inside the call, which better-sqlite3
  // makes on the event loop, so one process waiting for another's lock would serve nothing meanwhile
  // (and sleep in steps of up to 100 ms). `whenUnlocked` waits between tries with a timer instead.
  const inner = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 0 });
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
  const writers = createLock();
  let refusedAt = Number.NEGATIVE_INFINITY;
  const whenUnlocked = <T>(attempt: () => Promise<T>) =>
    whenUnlockedNoting(attempt, () => {
      refusedAt = Date.now();
    });
  const handOver = (releaseWriter: () => void) => {
    if (Date.now() - refusedAt < CONTENDED_FOR_MS) setTimeout(releaseWriter, HANDOVER_MS);
    else releaseWriter();
  };
  async function exclusively<T>(run: () => Promise<T>): Promise<T> {
    return whenUnlocked(async () => {
      const release = await acquire();
      try {
        return await run();
      } finally {
        release();
      }
    });
  }
  const serialized: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => exclusively(() => adapter.queryRaw(query)),
    executeRaw: (query) => exclusively(() => adapter.executeRaw(query)),
    executeScript: (script) => exclusively(() => adapter.executeScript(script)),
    dispose: () => exclusively(() => adapter.dispose()),
    async startTransaction(isolationLevel) {
      // One transaction at a time waits for the file's write lock; this process's later ones queue
      // behind it (rather than all trying the lock every millisecond), and its reads go on meanwhile:
      // the connection is free between tries.
      const releaseWriter = await writers();
      try {
        return await whenUnlocked(async () => {
          const release = await acquire();
          let transaction: Transaction | undefined;
          try {
            transaction = await adapter.startTransaction(isolationLevel);
            await transaction.executeRaw(TAKE_WRITE_LOCK);
            return releasingWhenDone(transaction, whenUnlocked, () => {
              release();
              handOver(releaseWriter);
            });
          } catch (error) {
            if (transaction) await abandon(transaction);
            release();
            throw error;
          }
        });
      } catch (error) {
        releaseWriter();
        throw error;
      }
    },
  };
  const connectionInfo = adapter.getConnectionInfo?.bind(adapter);
  return connectionInfo ? { ...serialized, getConnectionInfo: connectionInfo } : serialized;
}

/**
 * Runs `attempt` again while SQLite refuses it with SQLITE_BUSY (another process holds the write
 * lock), pausing BUSY_RETRY_MS on a timer between tries, for SQLITE_BUSY_TIMEOUT_MS in all. A refused
 * statement has changed nothing (SQLite refuses it before it writes), and a transaction refused its
 * lock is rolled back before the next try, so trying again is safe. `refused` hears of each refusal.
 */
async function whenUnlockedNoting<T>(attempt: () => Promise<T>, refused: () => void): Promise<T> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      refused();
    }
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
  }
}

/** The adapter reports SQLITE_BUSY (and its extended codes) as a `SocketTimeout`. */
function isBusy(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    isDriverAdapterError(error) &&
    error.cause.kind === "SocketTimeout"
  );
}

/** Prisma ends a transaction by sending COMMIT or ROLLBACK, then calling commit() or rollback(). */
function releasingWhenDone(
  transaction: Transaction,
  whenUnlocked: <T>(attempt: () => Promise<T>) => Promise<T>,
  release: () => void,
): Transaction {
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
    // Holding the write lock in WAL mode, a statement is never refused; in a rollback-journal file,
    // COMMIT may be (readers hold the file), and is tried again as SQLite's documentation says.
    queryRaw: (query) => whenUnlocked(() => transaction.queryRaw(query)),
    executeRaw: (query) => whenUnlocked(() => transaction.executeRaw(query)),
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
