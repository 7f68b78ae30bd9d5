// `pnpm bench` for the lesson app, measured in the real browser (Debian's Chromium through Playwright)
// against the production build: cold load to an interactive editor, the JS the page needs before the
// editor, and apply of a 20-object manifest until the panels show it. Prints medians; asserts nothing.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, "..", "..", "apps", "web");
const port = Number(process.env.BENCH_PORT ?? 3217);
const base = `http://127.0.0.1:${port}`;
const lesson = `${base}/en/lessons/one-ip-per-pod`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1] ?? 0;

async function startServer(): Promise<ChildProcess> {
  const next = path.join(web, "node_modules", "next", "dist", "bin", "next");
  if (!existsSync(path.join(web, ".next", "BUILD_ID")))
    throw new Error("build the app first: pnpm --filter @kubejam/web build");
  const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: web,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/en`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the app did not start");
}

function manifest(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bench-${String(i).padStart(2, "0")}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n`,
  ).join("---\n");
}

async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

async function coldLoads(browser: Browser, runs: number) {
  const editor: number[] = [];
  const typing: number[] = [];
  const hydrated: number[] = [];
  let initialJs = 0;
  let laterJs = 0;
  for (let i = 0; i < runs; i++) {
    const { page, close } = await freshPage(browser);
    const response = await page.goto(lesson);
    // The scripts the server's HTML names: what the page needs before anything lazy (Monaco) loads.
    const html = (await response?.text()) ?? "";
    const inHtml = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(
      (m) => new URL(m[1] ?? "", lesson).href,
    );
    await page.waitForFunction(() => performance.getEntriesByName("kubejam:editor-ready").length > 0, null, {
      timeout: 60_000,
    });
    // (No helper functions inside evaluate: tsx would wrap them in a __name() the page does not have.)
    const marks = await page.evaluate((htmlScripts) => {
      const named = new Set(htmlScripts);
      let initial = 0;
      let later = 0;
      for (const r of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
        if (!r.name.endsWith(".js")) continue;
        if (named.has(r.name)) initial += r.encodedBodySize;
        else later += r.encodedBodySize;
      }
      return {
        editor: performance.getEntriesByName("kubejam:editor-ready")[0]?.startTime ?? Number.NaN,
        typing: performance.getEntriesByName("kubejam:editor-interactive")[0]?.startTime ?? Number.NaN,
        hydrated: performance.getEntriesByName("kubejam:hydrated")[0]?.startTime ?? Number.NaN,
        initial,
        later,
      };
    }, inHtml);
    editor.push(marks.editor);
    typing.push(marks.typing);
    hydrated.push(marks.hydrated);
    initialJs = marks.initial;
    laterJs = marks.later;
    await close();
  }
  return { editor, typing, hydrated, initialJs, laterJs };
}

async function applies(browser: Browser, runs: number) {
  const { page, close } = await freshPage(browser);
  await page.goto(lesson);
  await page.waitForFunction(() => performance.getEntriesByName("kubejam:editor-ready").length > 0);
  await page.getByRole("button", { name: "Apply" }).waitFor();
  // Replace the starter file with 20 pods, typed in as a paste would be.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((text) => navigator.clipboard.writeText(text), manifest(20));
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  const times: number[] = [];
  const roundTrips: number[] = [];
  const engine: number[] = [];
  const snapshots: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.getByRole("button", { name: "Reset cluster" }).click();
    await page.getByRole("button", { name: "Apply" }).and(page.locator(":enabled")).waitFor();
    await page.locator('section[aria-label="Pod"]').waitFor({ state: "detached" });
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelectorAll('section[aria-label="Pod"] tbody tr').length === 20) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          document.querySelector<HTMLButtonElement>(".toolbar .button.primary")?.click();
        }),
    );
    times.push(ms);
    const status = page.locator(".toolbar .status");
    roundTrips.push(Number(/(\d+)/.exec((await status.textContent()) ?? "")?.[1] ?? Number.NaN));
    engine.push(Number(await status.getAttribute("data-worker-apply")));
    snapshots.push(Number(await status.getAttribute("data-worker-snapshot")));
  }
  await close();
  return { times, roundTrips, engine, snapshots };
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const kb = (b: number) => `${Math.round(b / 1024)} KB`;

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
try {
  // One load first so the server's caches are warm: the figures are the browser's, not the first request's.
  await coldLoads(browser, 1);
  const load = await coldLoads(browser, 7);
  const apply = await applies(browser, 11);
  const rows = [
    ["lesson page cold load → editable editor (median of 7)", fmt(median(load.typing)), "< 1500 ms"],
    ["lesson page cold load → Monaco ready (median of 7)", fmt(median(load.editor)), ""],
    ["  … page hydrated (median)", fmt(median(load.hydrated)), ""],
    ["JS in the page's HTML (before the editor, compressed)", kb(load.initialJs), "small"],
    ["JS loaded after (Monaco, panels; compressed; the worker's own not counted)", kb(load.laterJs), ""],
    ["apply 20 pods → panels updated (median of 11)", fmt(median(apply.times)), "< 50 ms"],
    ["apply 20 pods → panels updated (p90)", fmt(p90(apply.times)), ""],
    ["  … of which the worker round trip (median)", fmt(median(apply.roundTrips)), ""],
    ["  … of which the engine's apply in the worker (median)", fmt(median(apply.engine)), ""],
    ["  … of which building the snapshot in the worker (median)", fmt(median(apply.snapshots)), ""],
  ];
  const width = Math.max(...rows.map((r) => (r[0] ?? "").length));
  console.log("\nKubejam lesson app bench (Chromium, production build, localhost)\n");
  for (const [name, value, budget] of rows)
    console.log(`${(name ?? "").padEnd(width)}  ${(value ?? "").padStart(8)}  ${budget}`);
  console.log(
    `\nraw: editable ${load.typing.map(Math.round).join(", ")} ms; Monaco ${load.editor.map(Math.round).join(", ")} ms; apply ${apply.times.map(Math.round).join(", ")} ms`,
  );
} finally {
  await browser.close();
  server.kill();
}
