import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { newLearner, signUp } from "../../fixtures/accounts";

const dbPackage = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "packages", "db");

/** The documented admin command, on the database the e2e server uses (see playwright.config.ts). */
function createAdmin(email: string, password: string): string {
  return execFileSync(
    process.execPath,
    ["--import", "tsx", "src/cli/create-admin.ts", "--email", email, "--password-stdin", "--name", "Root"],
    {
      cwd: dbPackage,
      input: `${password}\n`,
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    },
  ).toString();
}

test("an admin made by create-admin leads a cohort: creates it, adds a learner by email, sees their standing", async ({
  page,
}) => {
  const learner = newLearner("Dee");
  await signUp(page, learner);
  const account = page.getByRole("navigation", { name: "Account" });
  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();

  const admin = newLearner("Root");
  expect(createAdmin(admin.email, admin.password)).toContain("created admin");
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await account.getByRole("link", { name: "Cohorts" }).click();
  await expect(page.getByRole("heading", { name: "Cohorts", level: 1 })).toBeVisible();
  await expect(page.getByText("You lead no cohort yet.")).toBeVisible();

  await page.getByLabel("Name").fill("Morning group");
  await page.getByRole("button", { name: "Create" }).click();
  const cohort = page.locator("section[data-cohort]").filter({ hasText: "Morning group" });
  await expect(cohort.getByRole("heading", { name: /Morning group/ })).toBeVisible();
  await expect(cohort.getByText("No members yet.")).toBeVisible();

  await cohort.getByLabel("Add a learner by email").fill("nobody@example.test");
  await cohort.getByRole("button", { name: "Add" }).click();
  await expect(cohort.getByRole("alert")).toHaveText("No account uses nobody@example.test.");

  await cohort.getByLabel("Add a learner by email").fill(learner.email.toUpperCase());
  await cohort.getByRole("button", { name: "Add" }).click();
  await expect(cohort.getByRole("status")).toHaveText(`${learner.email} was added.`);
  const row = cohort.getByRole("row").filter({ hasText: learner.email });
  await expect(row.getByRole("rowheader")).toContainText(learner.name);
  await expect(row.getByRole("cell").first()).toHaveText("—");
});
