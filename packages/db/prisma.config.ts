// Configures the Prisma CLI for `prisma generate` only: this package never runs `prisma migrate`
// (its schema engine cannot be downloaded here); migrations are SQL files applied by src/migrate/.
// No datasource URL is needed to generate, so none is read here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
});
