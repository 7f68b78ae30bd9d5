import { Prisma } from "./generated/sqlite/client.ts";

/**
 * A unique constraint refused an insert. Both generated clients throw the error class of the one
 * shared runtime (`@prisma/client/runtime/client`), so one `instanceof` serves both databases.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** An update or delete found no row to change. */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
