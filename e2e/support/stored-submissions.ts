// Reads the submission rows an app server stored, straight from its database (SQLite file or
// PostgreSQL), so a test can check what is on disk rather than what the API says.
import Database from "better-sqlite3";
import pg from "pg";

export type StoredSubmission = {
  readonly id: string;
  readonly userId: string;
  readonly lessonId: string;
  readonly exerciseId: string;
  readonly idempotencyKey: string;
  readonly files: unknown;
  readonly checks: unknown;
  readonly score: number;
  readonly status: string;
};

export type StoredLessonProgress = { readonly userId: string; readonly lessonId: string };

const SUBMISSIONS = `SELECT "id", "userId", "lessonId", "exerciseId", "idempotencyKey", "files", "checks", "score", "status" FROM "submission"`;
const LESSON_PROGRESS = `SELECT "userId", "lessonId" FROM "lesson_progress"`;

const parseJson = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

export async function readStored(
  databaseUrl: string,
): Promise<{ submissions: StoredSubmission[]; lessonProgress: StoredLessonProgress[] }> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      const submissions = (db.prepare(SUBMISSIONS).all() as StoredSubmission[]).map((row) => ({
        ...row,
        files: parseJson(row.files),
        checks: parseJson(row.checks),
      }));
      return { submissions, lessonProgress: db.prepare(LESSON_PROGRESS).all() as StoredLessonProgress[] };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const submissions = (await client.query<StoredSubmission>(SUBMISSIONS)).rows;
    const lessonProgress = (await client.query<StoredLessonProgress>(LESSON_PROGRESS)).rows;
    return { submissions, lessonProgress };
  } finally {
    await client.end();
  }
}
