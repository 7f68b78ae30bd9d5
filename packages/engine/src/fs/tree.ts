/**
 * Plain-JSON file trees. Every helper is pure: it never mutates its inputs and
 * copies only the directories along the changed path (copy-on-write).
 */
export type FsNode =
  | { type: "file"; data: string; mode?: number }
  | { type: "dir"; entries: Record<string, FsNode>; mode?: number };

export type FsDir = Extract<FsNode, { type: "dir" }>;
export type FsFile = Extract<FsNode, { type: "file" }>;

/** Deepest directory nesting a path may have. */
export const MAX_PATH_DEPTH = 64;
/** Longest path accepted (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096;

export function emptyDir(): FsDir {
  return { type: "dir", entries: {} };
}

export function fileNode(data: string, mode?: number): FsFile {
  return mode === undefined ? { type: "file", data } : { type: "file", data, mode };
}

/** Own-property lookup (entries are plain records, so "constructor" must not hit the prototype). */
export function childOf(dir: FsDir, name: string): FsNode | undefined {
  return Object.hasOwn(dir.entries, name) ? dir.entries[name] : undefined;
}

/** Splits an absolute or relative path into segments, dropping empty ones and ".". ".." is kept. */
export function splitPath(path: string): string[] {
  // One scan, no intermediate arrays: every file-system call splits its path.
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 47 /* "/" */) continue;
    if (i > start && !(i === start + 1 && path.charCodeAt(start) === 46) /* "." */)
      out.push(path.slice(start, i));
    start = i + 1;
  }
  return out;
}

/** Resolves `path` against `cwd` into normalized segments ("/" is []). ".." at the root stays at the root. */
export function resolveSegments(cwd: string, path: string): string[] {
  const out = path.startsWith("/") ? [] : splitPath(cwd).filter((s) => s !== "..");
  for (const seg of splitPath(path)) {
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out;
}

export function joinSegments(segments: readonly string[]): string {
  return `/${segments.join("/")}`;
}

/** Normalized absolute path of `path` seen from `cwd`. */
export function normalizePath(cwd: string, path: string): string {
  return joinSegments(resolveSegments(cwd, path));
}

export function basename(path: string): string {
  const segs = splitPath(path);
  return segs[segs.length - 1] ?? "/";
}

export function dirname(path: string): string {
  const abs = path.startsWith("/");
  const segs = splitPath(path);
  segs.pop();
  if (segs.length === 0) return abs ? "/" : ".";
  return `${abs ? "/" : ""}${segs.join("/")}`;
}

/** The node at `segments` under `root`, or undefined (missing, or a file in the way). */
export function getAt(root: FsNode | undefined, segments: readonly string[]): FsNode | undefined {
  let node = root;
  for (const seg of segments) {
    if (node === undefined || node.type !== "dir") return undefined;
    node = childOf(node, seg);
  }
  return node;
}

/**
 * A new root with `node` stored at `segments` (or the entry removed when `node` is undefined).
 * Missing or non-directory ancestors are replaced by empty directories: callers check first.
 */
export function setAt(
  root: FsNode | undefined,
  segments: readonly string[],
  node: FsNode | undefined,
): FsNode {
  return setFrom(root, segments, 0, node);
}

/** setAt for `segments` from index `at` on (no array per level). */
function setFrom(
  root: FsNode | undefined,
  segments: readonly string[],
  at: number,
  node: FsNode | undefined,
): FsNode {
  const head = segments[at];
  if (head === undefined) return node ?? emptyDir();
  const dir: FsDir = root !== undefined && root.type === "dir" ? root : emptyDir();
  const entries: Record<string, FsNode> = { ...dir.entries };
  if (at === segments.length - 1) {
    if (node === undefined) delete entries[head];
    else entries[head] = node;
  } else {
    entries[head] = setFrom(childOf(dir, head), segments, at + 1, node);
  }
  return dir.mode === undefined ? { type: "dir", entries } : { type: "dir", entries, mode: dir.mode };
}

/** Sorted entry names of a directory. */
export function listNames(dir: FsDir): string[] {
  return Object.keys(dir.entries).sort(compareNames);
}

/** Byte-wise (C locale) name order, as busybox ls and readdir-sorting tools use. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of nodes in a tree, stopping at `cap`. */
export function countNodes(node: FsNode, cap = Number.POSITIVE_INFINITY): number {
  let count = 0;
  const stack: FsNode[] = [node];
  while (stack.length > 0 && count < cap) {
    const n = stack.pop();
    if (n === undefined) break;
    count++;
    if (n.type === "dir") stack.push(...Object.values(n.entries));
  }
  return count;
}

/** Total bytes of file data in a tree (UTF-16 length as a byte estimate for ASCII data). */
export function treeBytes(node: FsNode): number {
  if (node.type === "file") return node.data.length;
  let total = 0;
  for (const child of Object.values(node.entries)) total += treeBytes(child);
  return total;
}

/** Freezes a tree in place (for module-level image layers and tests). */
export function deepFreeze<T extends FsNode>(node: T): T {
  if (node.type === "dir") {
    for (const child of Object.values(node.entries)) deepFreeze(child);
    Object.freeze(node.entries);
  }
  return Object.freeze(node);
}

/**
 * Builds a tree from a flat description: keys are absolute paths, values are file contents,
 * `null` for an (empty) directory, or `{ data, mode }` for a file with a mode.
 */
export function buildTree(spec: Record<string, string | null | { data: string; mode: number }>): FsDir {
  let root: FsNode = emptyDir();
  for (const [path, value] of Object.entries(spec)) {
    const segs = splitPath(path);
    if (value === null) {
      if (getAt(root, segs)?.type !== "dir") root = setAt(root, segs, emptyDir());
    } else if (typeof value === "string") {
      root = setAt(root, segs, fileNode(value));
    } else {
      root = setAt(root, segs, fileNode(value.data, value.mode));
    }
  }
  return root.type === "dir" ? root : emptyDir();
}
