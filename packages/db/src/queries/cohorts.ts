import { z } from "zod";
import type { Db } from "../client.ts";
import { UserIdSchema } from "../ids.ts";
import { RoleSchema } from "../roles.ts";
import { type ExerciseProgress, exerciseProgressFor } from "./progress.ts";

/** Only instructors and admins lead cohorts or read a cohort's progress. */
export class NotAllowedError extends Error {
  override readonly name = "NotAllowedError";
}

async function requireTeacher(db: Db, userId: string): Promise<"instructor" | "admin"> {
  const row = await db.user.findUnique({ where: { id: UserIdSchema.parse(userId) }, select: { role: true } });
  const role = row ? RoleSchema.parse(row.role) : null;
  if (role !== "instructor" && role !== "admin")
    throw new NotAllowedError("only instructors and admins lead cohorts");
  return role;
}

/** A new cohort led by `instructorId`, who must be an instructor or an admin. */
export async function createCohort(db: Db, instructorId: string, name: string): Promise<{ id: string }> {
  await requireTeacher(db, instructorId);
  return db.cohort.create({
    data: { instructorId, name: z.string().trim().min(1).max(200).parse(name) },
    select: { id: true },
  });
}

export type CohortSummary = { readonly id: string; readonly name: string; readonly memberCount: number };

/** The cohorts an instructor leads, by name. */
export async function listCohortsForInstructor(db: Db, instructorId: string): Promise<CohortSummary[]> {
  const rows = await db.cohort.findMany({
    where: { instructorId: UserIdSchema.parse(instructorId) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, _count: { select: { members: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, memberCount: row._count.members }));
}

/**
 * Adds a learner to a cohort. Only the cohort's own instructor (or an admin) may; adding someone
 * twice changes nothing.
 */
export async function addCohortMember(
  db: Db,
  actorId: string,
  cohortId: string,
  userId: string,
): Promise<void> {
  await requireCohortViewer(db, actorId, cohortId);
  const key = { cohortId, userId: UserIdSchema.parse(userId) };
  await db.cohortMember.upsert({
    where: { cohortId_userId: key },
    create: key,
    update: {},
    select: { userId: true },
  });
}

export type CohortMemberProgress = {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly exercises: readonly ExerciseProgress[];
};

/**
 * Each member's exercise progress, for the cohort's instructor or an admin; anyone else gets
 * NotAllowedError, including another instructor.
 */
export async function getCohortProgress(
  db: Db,
  viewerId: string,
  cohortId: string,
): Promise<CohortMemberProgress[]> {
  await requireCohortViewer(db, viewerId, cohortId);
  const members = await db.cohortMember.findMany({
    where: { cohortId },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const progress = await exerciseProgressFor(
    db,
    members.map((member) => member.user.id),
  );
  return members.map(({ user }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    exercises: progress.get(user.id) ?? [],
  }));
}

async function requireCohortViewer(db: Db, viewerId: string, cohortId: string): Promise<void> {
  const role = await requireTeacher(db, viewerId);
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { instructorId: true } });
  if (!cohort || (cohort.instructorId !== viewerId && role !== "admin")) {
    throw new NotAllowedError("this cohort is led by another instructor");
  }
}
