import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The nearest `content/` folder holding a course.yaml, from `start` upwards (the repository's by default). */
export function findContentRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "course.yaml"))) return dir;
    if (existsSync(join(dir, "content", "course.yaml"))) return join(dir, "content");
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
