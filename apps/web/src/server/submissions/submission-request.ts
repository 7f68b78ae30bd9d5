import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from "@kubejam/grader";
import { z } from "zod";
import { type ApiResult, fail, ok } from "../http/api-error";

// What a learner may send to `POST /api/exercises/:id/submissions`: the files, and nothing the server
// trusts beyond them (a `score`, `status` or `checks` field is dropped unread). The limits are the
// grader's own, counted in UTF-8 bytes.

export { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES };

/** The largest body read: the files' limit plus room for JSON quoting and escapes. */
export const MAX_BODY_BYTES = 2 * MAX_TOTAL_BYTES;
export const MAX_FILE_NAME_LENGTH = 100;

/** The editor's rule for file names (a YAML file, no folders). */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;

const FileSchema = z.object({
  name: z
    .string()
    .max(MAX_FILE_NAME_LENGTH, `a file name is at most ${MAX_FILE_NAME_LENGTH} characters`)
    .regex(FILE_NAME, "a file name is letters, digits, '.', '_' or '-', ending in .yaml or .yml"),
  content: z.string(),
});

export const SubmissionBodySchema = z.object({
  files: z
    .array(FileSchema)
    .min(1, "submit at least one file")
    .superRefine((files, ctx) => {
      const seen = new Set<string>();
      files.forEach((file, i) => {
        if (seen.has(file.name))
          ctx.addIssue({ code: "custom", path: [i, "name"], message: `${file.name} is sent twice` });
        seen.add(file.name);
      });
      if (files.length > 0 && files.every((f) => f.content.trim() === ""))
        ctx.addIssue({ code: "custom", message: "every file is empty" });
    }),
});
export type SubmissionBody = z.infer<typeof SubmissionBodySchema>;

/** An `Idempotency-Key` header: 8 to 200 visible ASCII characters (a UUID fits). */
export const IdempotencyKeySchema = z
  .string()
  .min(8, "Idempotency-Key must be at least 8 characters")
  .max(200, "Idempotency-Key must be at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key must be visible ASCII characters");

const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

/** Parses and checks the body text: 400 for malformed input, 413 for too many or too large files. */
export function parseSubmissionBody(text: string): ApiResult<SubmissionBody> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail({ status: 400, code: "invalid_json", message: "The request body is not valid JSON." });
  }
  const files = (json as { files?: unknown } | null)?.files;
  if (Array.isArray(files) && files.length > MAX_FILES)
    return fail({
      status: 413,
      code: "too_many_files",
      message: `Too many files: ${files.length} (at most ${MAX_FILES}).`,
      path: "files",
    });
  const parsed = SubmissionBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail({
      status: 400,
      code: "invalid_submission",
      message: issue ? issue.message : "The submission is not valid.",
      path: issue ? formatPath(issue.path) : undefined,
    });
  }
  let total = 0;
  for (const [i, file] of parsed.data.files.entries()) {
    const size = byteLength(file.content);
    if (size > MAX_FILE_BYTES)
      return fail({
        status: 413,
        code: "file_too_large",
        message: `${file.name} is larger than ${MAX_FILE_BYTES / 1024} KiB.`,
        path: `files[${i}].content`,
      });
    total += size;
  }
  if (total > MAX_TOTAL_BYTES)
    return fail({
      status: 413,
      code: "files_too_large",
      message: `The files are larger than ${MAX_TOTAL_BYTES / 1024} KiB together.`,
      path: "files",
    });
  return ok(parsed.data);
}

export function parseIdempotencyKey(header: string | null): ApiResult<string> {
  if (header === null)
    return fail({
      status: 400,
      code: "missing_idempotency_key",
      message: "Send an Idempotency-Key header (for example a UUID), the same one when retrying.",
    });
  const parsed = IdempotencyKeySchema.safeParse(header);
  return parsed.success
    ? ok(parsed.data)
    : fail({
        status: 400,
        code: "invalid_idempotency_key",
        message: parsed.error.issues[0]?.message ?? "Invalid Idempotency-Key.",
      });
}

function formatPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("");
}
