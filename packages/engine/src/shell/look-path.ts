/** PATH search, as execvp does it: a name with a slash is a path, any other is tried in each PATH entry. */
import type { ContainerFs } from "../fs/container-fs";

/** The path `name` runs with `PATH` set to `pathVar`, or undefined when nothing matches. */
export function lookPath(fs: ContainerFs, pathVar: string | undefined, name: string): string | undefined {
  if (name === "") return undefined;
  if (name.includes("/")) return fs.exists(name) ? fs.resolve(name) : undefined;
  for (const dir of (pathVar ?? "").split(":")) {
    const p = `${dir === "" ? "." : dir}/${name}`;
    try {
      if (fs.tryStat(p)?.type === "file") return fs.resolve(p);
    } catch {}
  }
  return undefined;
}
