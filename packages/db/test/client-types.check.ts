// Compile-time test (run by `tsc`, the package's typecheck task): the SQLite and PostgreSQL clients,
// generated from one schema, have identical model types. `src/client.ts` shows the PostgreSQL client
// through the SQLite client's type; this is what makes that sound. A model that differs fails here.
import type * as Pg from "../src/generated/postgresql/client.ts";
import type * as Sqlite from "../src/generated/sqlite/client.ts";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type ModelTypesAgree = [
  Expect<Equal<Sqlite.User, Pg.User>>,
  Expect<Equal<Sqlite.Session, Pg.Session>>,
  Expect<Equal<Sqlite.Account, Pg.Account>>,
  Expect<Equal<Sqlite.Verification, Pg.Verification>>,
  Expect<Equal<Sqlite.Submission, Pg.Submission>>,
  Expect<Equal<Sqlite.LessonProgress, Pg.LessonProgress>>,
  Expect<Equal<Sqlite.Workspace, Pg.Workspace>>,
  Expect<Equal<Sqlite.Cohort, Pg.Cohort>>,
  Expect<Equal<Sqlite.CohortMember, Pg.CohortMember>>,
  Expect<Equal<Sqlite.Prisma.ModelName, Pg.Prisma.ModelName>>,
];
