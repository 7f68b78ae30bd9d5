/**
 * Options for every interactive transaction. Prisma's defaults (wait 2 s to start, run 5 s) turn a
 * short queue into failed requests: on SQLite, transactions queue behind each other on the one
 * connection; on PostgreSQL, behind the pool's connections.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;
