import { expect, test } from "@playwright/test";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const NETWORK_PROTOCOLS = new Set(["http:", "https:", "ws:", "wss:"]);

test("the landing page names Kubejam and talks to no other host", async ({ page }) => {
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];

  page.on("request", (request) => {
    const url = new URL(request.url());
    if (NETWORK_PROTOCOLS.has(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
      foreignRequests.push(request.url());
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  // The console only says "Failed to load resource": keep the URL that failed.
  page.on("response", (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);

  await expect(page.getByRole("heading", { level: 1, name: "Kubejam" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Kubernetes networking and storage");
  await expect(page).toHaveTitle("Kubejam");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Let late requests (prefetches, chunks, fonts) happen before judging them.
  await page.waitForLoadState("networkidle");

  expect(foreignRequests, "requests to hosts other than 127.0.0.1/localhost").toEqual([]);
  expect(consoleErrors, "console errors").toEqual([]);
});
