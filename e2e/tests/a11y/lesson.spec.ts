import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { type Locale, openLesson } from "../../fixtures/lesson";

for (const locale of ["en", "ko"] as Locale[]) {
  test(`the ${locale} lesson page has no serious or critical accessibility violations`, async ({ page }) => {
    await openLesson(page, locale, "one-ip-per-pod");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(
      page.getByRole("tabpanel").getByRole("rowheader", { name: "web", exact: true }),
    ).toBeVisible();
    const results = await new AxeBuilder({ page })
      // Monaco's and xterm's own internals are third-party widgets we cannot change.
      .exclude(".monaco-editor")
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
}
