// Small builders for test rows. Users are made through the client like any other row (better-auth
// itself is exercised in users.test.ts).
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/client.ts";
import type { RecordSubmissionInput } from "../../src/queries/record-submission.ts";
import type { Role } from "../../src/roles.ts";

export async function createUser(db: Db, overrides: { name?: string; role?: Role } = {}): Promise<string> {
  const id = randomUUID();
  await db.user.create({
    data: {
      id,
      name: overrides.name ?? `Learner ${id.slice(0, 8)}`,
      email: `${id}@example.test`,
      role: overrides.role ?? "learner",
    },
    select: { id: true },
  });
  return id;
}

/** The shape of packages/grader's CheckResult: an interface, with an optional field. */
interface GraderCheck {
  id: string;
  status: "pass" | "fail";
  weight: number;
  message: string;
  why?: { object: string; text: string };
}

export function submissionInput(
  userId: string,
  overrides: Partial<RecordSubmissionInput> & { score?: number; status?: "pass" | "fail" | "error" } = {},
): RecordSubmissionInput {
  const { score = 100, status = "pass", ...rest } = overrides;
  return {
    userId,
    lessonId: "03-pv-pvc",
    exerciseId: "pvc-bind",
    contentHash: "sha256:1f2e3d",
    idempotencyKey: randomUUID(),
    files: { "claim.yaml": "apiVersion: v1\nkind: PersistentVolumeClaim\n" },
    result: {
      status,
      score,
      checks: graderChecks(status),
    },
    ...rest,
  };
}

function graderChecks(status: "pass" | "fail" | "error"): readonly GraderCheck[] {
  if (status === "pass") return [{ id: "claim-bound", status: "pass", weight: 2, message: "" }];
  return [
    {
      id: "claim-bound",
      status: "fail",
      weight: 2,
      message: "The claim is Pending",
      why: { object: "persistentvolumeclaim/data", text: "no volume matches" },
    },
  ];
}
