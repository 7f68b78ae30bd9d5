// Every model goes through the generated client and back, on both databases, with every field set:
// types, JSON, dates, booleans, nulls and composite keys survive the driver adapters.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client.ts";
import { readDatamodel } from "./support/dmmf.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

const at = (iso: string) => new Date(iso);

type RoundTrip = (db: Db, userId: string) => Promise<{ written: object; read: unknown }>;

/** One entry per model of schema.prisma; the first test fails when a model has none. */
const roundTrips: Record<string, RoundTrip> = {
  async User(db) {
    const written = {
      id: randomUUID(),
      name: "Grace Hopper",
      email: `${randomUUID()}@example.test`,
      emailVerified: true,
      image: "https://example.test/grace.png",
      createdAt: at("2026-01-02T03:04:05.678Z"),
      updatedAt: at("2026-01-02T03:04:06.000Z"),
      role: "instructor",
    };
    await db.user.create({ data: written });
    return { written, read: await db.user.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async Session(db, userId) {
    const written = {
      id: randomUUID(),
      expiresAt: at("2026-02-01T00:00:00.000Z"),
      token: randomUUID(),
      createdAt: at("2026-01-01T00:00:00.000Z"),
      updatedAt: at("2026-01-01T00:00:01.000Z"),
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0",
      userId,
    };
    await db.session.create({ data: written });
    return { written, read: await db.session.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async Account(db, userId) {
    const written = {
      id: randomUUID(),
      accountId: userId,
      providerId: "credential",
      userId,
      accessToken: "access",
      refreshToken: "refresh",
      idToken: "id-token",
      accessTokenExpiresAt: at("2026-01-01T01:00:00.000Z"),
      refreshTokenExpiresAt: at("2026-03-01T01:00:00.000Z"),
      scope: "openid email",
      password: "salt:key",
      createdAt: at("2026-01-01T00:00:00.000Z"),
      updatedAt: at("2026-01-01T00:00:00.000Z"),
    };
    await db.account.create({ data: written });
    return { written, read: await db.account.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async Verification(db) {
    const written = {
      id: randomUUID(),
      identifier: "email-verification:grace@example.test",
      value: "token",
      expiresAt: at("2026-01-01T01:00:00.000Z"),
      createdAt: at("2026-01-01T00:00:00.000Z"),
      updatedAt: at("2026-01-01T00:00:00.000Z"),
    };
    await db.verification.create({ data: written });
    return { written, read: await db.verification.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async RateLimit(db) {
    // A time in ms (better-auth's lastRequest) is past 32 bits: the BIGINT must keep every digit.
    const written = {
      id: randomUUID(),
      key: `203.0.113.7/sign-in/email`,
      count: 30,
      lastRequest: 1_796_000_123_456n,
    };
    await db.rateLimit.create({ data: written });
    return { written, read: await db.rateLimit.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async Submission(db, userId) {
    const written = {
      id: randomUUID(),
      userId,
      lessonId: "03-pv-pvc",
      exerciseId: "pvc-bind",
      contentHash: "sha256:abc",
      idempotencyKey: randomUUID(),
      files: { "claim.yaml": "kind: PersistentVolumeClaim\n", "ünïcödé.yaml": "한국어 ✓" },
      checks: [
        { id: "bound", status: "pass", weight: 2, why: { rule: "capacity", values: [1, null, true] } },
      ],
      score: 67,
      status: "fail",
      createdAt: at("2026-01-01T00:00:00.001Z"),
    };
    await db.submission.create({ data: written });
    return { written, read: await db.submission.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async LessonProgress(db, userId) {
    const written = {
      userId,
      lessonId: "01-pods",
      firstVisitedAt: at("2026-01-01T00:00:00.000Z"),
      lastActivityAt: at("2026-01-03T00:00:00.000Z"),
      completedAt: at("2026-01-03T00:00:00.000Z"),
    };
    await db.lessonProgress.create({ data: written });
    const read = await db.lessonProgress.findUniqueOrThrow({
      where: { userId_lessonId: { userId, lessonId: written.lessonId } },
    });
    return { written, read };
  },
  async Workspace(db, userId) {
    const written = {
      userId,
      lessonId: "02-services",
      files: { "svc.yaml": "kind: Service\n" },
      cluster: { clock: 12_000, prng: [1, 2, 3, 4], objects: { "v1/Pod/default/web": { phase: "Running" } } },
      createdAt: at("2026-01-01T00:00:00.000Z"),
      updatedAt: at("2026-01-02T00:00:00.000Z"),
    };
    await db.workspace.create({ data: written });
    const read = await db.workspace.findUniqueOrThrow({
      where: { userId_lessonId: { userId, lessonId: written.lessonId } },
    });
    return { written, read };
  },
  async Cohort(db, userId) {
    const written = {
      id: randomUUID(),
      name: "Spring 2026",
      instructorId: userId,
      createdAt: at("2026-01-01T00:00:00.000Z"),
    };
    await db.cohort.create({ data: written });
    return { written, read: await db.cohort.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  async CohortMember(db, userId) {
    const cohort = await db.cohort.create({
      data: { name: "Autumn", instructorId: userId },
      select: { id: true },
    });
    const written = { cohortId: cohort.id, userId, joinedAt: at("2026-01-05T00:00:00.000Z") };
    await db.cohortMember.create({ data: written });
    const read = await db.cohortMember.findUniqueOrThrow({
      where: { cohortId_userId: { cohortId: cohort.id, userId } },
    });
    return { written, read };
  },
};

describe("round trips", () => {
  it("cover every model of schema.prisma", () => {
    expect(Object.keys(roundTrips).sort()).toEqual(
      readDatamodel()
        .models.map((model) => model.name)
        .sort(),
    );
  });
});

describe.each(PROVIDERS)("%s: every model through the generated client and back", (provider) => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    userId = randomUUID();
    await database.db.user.create({ data: { id: userId, name: "Owner", email: `${userId}@example.test` } });
  });
  afterAll(() => database.drop());

  it.each(Object.keys(roundTrips))("%s", async (model) => {
    const roundTrip = roundTrips[model];
    if (!roundTrip) throw new Error(`no round trip for ${model}`);
    const { written, read } = await roundTrip(database.db, userId);
    expect(read).toEqual(written);
  });

  it("fills in the database defaults a minimal insert leaves out", async () => {
    const id = randomUUID();
    const user = await database.db.user.create({
      data: { id, name: "Minimal", email: `${id}@example.test` },
    });
    expect(user).toMatchObject({ emailVerified: false, image: null, role: "learner" });
    expect(user.createdAt).toBeInstanceOf(Date);
  });

  it("cascades a user's deletion to every row that belongs to them (foreign keys are on)", async () => {
    const id = randomUUID();
    await database.db.user.create({ data: { id, name: "Leaving", email: `${id}@example.test` } });
    for (const model of ["Session", "Account", "Submission", "LessonProgress", "Workspace", "CohortMember"]) {
      await roundTrips[model]?.(database.db, id);
    }
    await database.db.user.delete({ where: { id } });
    const left = await Promise.all([
      database.db.session.count({ where: { userId: id } }),
      database.db.account.count({ where: { userId: id } }),
      database.db.submission.count({ where: { userId: id } }),
      database.db.lessonProgress.count({ where: { userId: id } }),
      database.db.workspace.count({ where: { userId: id } }),
      database.db.cohort.count({ where: { instructorId: id } }),
      database.db.cohortMember.count({ where: { userId: id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("refuses a row whose user does not exist", async () => {
    await expect(
      database.db.workspace.create({
        data: { userId: "nobody", lessonId: "01-pods", files: {}, cluster: {} },
      }),
    ).rejects.toThrow();
  });

  it("refuses a role and a status outside their closed sets (CHECK constraints)", async () => {
    const id = randomUUID();
    await expect(
      database.db.user.create({ data: { id, name: "x", email: `${id}@example.test`, role: "superuser" } }),
    ).rejects.toThrow();
    await expect(
      database.db.submission.create({
        data: {
          userId,
          lessonId: "l",
          exerciseId: "e",
          contentHash: "h",
          idempotencyKey: randomUUID(),
          files: {},
          checks: [],
          score: 50,
          status: "passed",
        },
      }),
    ).rejects.toThrow();
  });
});
