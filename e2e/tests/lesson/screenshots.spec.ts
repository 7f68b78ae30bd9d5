import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { type Locale, openLesson } from "../../fixtures/lesson";

// Screenshots of the lesson page for people to look at (e2e/screenshots/, not compared by the test).
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "screenshots");

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const locale of ["ko", "en"] as Locale[]) {
  for (const size of SIZES) {
    test(`screenshot: ${locale} lesson at ${size.name} width`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale,
      });
      const page = await context.newPage();
      await page.goto(`/${locale}/lessons/one-ip-per-pod`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-text.png`) });
      await openLesson(page, locale, "one-ip-per-pod");
      await page.keyboard.press("ControlOrMeta+Enter");
      await expect(
        page.getByRole("tabpanel").getByRole("rowheader", { name: "web", exact: true }),
      ).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-workspace.png`) });
      await page.getByRole("tab", { name: locale === "ko" ? "다이어그램" : "Diagram" }).click();
      await expect(page.getByTestId("pod-web")).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-diagram.png`) });
      await context.close();
    });
  }
}
