"use server";

import { addCohortMember, createCohort, findUserByEmail, getDb, NotAllowedError } from "@kubejam/db";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "../auth/auth";

// The instructor page's forms. Who may do what is checked again in @kubejam/db (the cohort's own
// instructor or an admin), whatever the page showed.

export type CohortActionState =
  | { kind: "idle" }
  | { kind: "created"; name: string }
  | { kind: "added"; email: string }
  | { kind: "unknownEmail"; email: string }
  | { kind: "invalid" }
  | { kind: "forbidden" };

const NameSchema = z.string().trim().min(1).max(200);
const EmailSchema = z.string().trim().max(320);
const IdSchema = z.string().min(1).max(100);

export async function createCohortAction(_: CohortActionState, form: FormData): Promise<CohortActionState> {
  const user = await currentUser();
  if (!user) return { kind: "forbidden" };
  const name = NameSchema.safeParse(form.get("name"));
  if (!name.success) return { kind: "invalid" };
  try {
    await createCohort(getDb(), user.id, name.data);
  } catch (error) {
    if (error instanceof NotAllowedError) return { kind: "forbidden" };
    throw error;
  }
  revalidatePath("/[locale]/instructor", "page");
  return { kind: "created", name: name.data };
}

export async function addMemberAction(_: CohortActionState, form: FormData): Promise<CohortActionState> {
  const user = await currentUser();
  if (!user) return { kind: "forbidden" };
  const email = EmailSchema.safeParse(form.get("email"));
  const cohortId = IdSchema.safeParse(form.get("cohortId"));
  if (!email.success || !cohortId.success) return { kind: "invalid" };
  const db = getDb();
  const member = await findUserByEmail(db, email.data);
  if (!member) return { kind: "unknownEmail", email: email.data };
  try {
    await addCohortMember(db, user.id, cohortId.data, member.id);
  } catch (error) {
    if (error instanceof NotAllowedError) return { kind: "forbidden" };
    throw error;
  }
  revalidatePath("/[locale]/instructor", "page");
  return { kind: "added", email: member.email };
}
