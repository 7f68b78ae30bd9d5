import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Shorter secrets are refused: better-auth signs session cookies with it. */
export const MIN_SECRET_LENGTH = 32;

/**
 * better-auth's signing secret: BETTER_AUTH_SECRET when set, else the one kept in `file` (under
 * `.data/`, git-ignored), generated on first use so a fresh clone starts with no setup. Several
 * processes starting together agree: the file appears whole and only once (see below), and a
 * loser reads the winner's.
 */
export function resolveAuthSecret(fromEnv: string | undefined, file: string): string {
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < MIN_SECRET_LENGTH)
      throw new Error(`BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    return fromEnv;
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written whole under a name of its own, then linked into place: link() fails if the file exists,
    // and a process reading it never sees it half written (as it could right after a `wx` open).
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(draft, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const stored = readFileSync(file, "utf8").trim();
  if (stored.length < MIN_SECRET_LENGTH)
    throw new Error(`${file} holds no usable auth secret: delete it to have a new one generated.`);
  chmodSync(file, 0o600);
  return stored;
}
