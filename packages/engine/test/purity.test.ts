import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

// The engine runs in a browser worker and must replay identically: no clock, no unseeded randomness, no I/O.
const FORBIDDEN = [
  /\bDate\.now\(/,
  /new Date\(\)/,
  /Math\.random\(/,
  /crypto\.randomUUID/,
  /performance\.now\(/,
  /from "(node:)?(fs|path|child_process|os|http|crypto)"/,
  /\bprocess\.(env|argv|exit)/,
  /from "react/,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory()
      ? files(full)
      : full.endsWith(".ts") && !full.endsWith(".test.ts")
        ? [full]
        : [];
  });
}

it("engine sources use no clock, randomness, I/O or UI", () => {
  const offenders: string[] = [];
  for (const file of files(join(import.meta.dirname, "..", "src"))) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (FORBIDDEN.some((re) => re.test(line))) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offenders).toEqual([]);
});
