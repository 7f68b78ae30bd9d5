import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The monorepo's root: the nearest directory at or above `start` holding pnpm-workspace.yaml. The web
 * app runs in apps/web and the db scripts in packages/db; both must find the same `.data/` folder.
 * Outside the repository (a deployed bundle without the file) it is `start` itself.
 */
export function findRepositoryRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}
