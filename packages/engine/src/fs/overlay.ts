/**
 * The overlay of a read-only image layer (lower) and a container's writable layer (upper).
 * Deletions of lower entries are recorded in the upper layer as OCI-style whiteouts:
 * a file ".wh.NAME" hides NAME, a file ".wh..wh..opq" inside a directory hides every lower entry of it.
 */
import { FsError } from "./fs-error";
import { childOf, emptyDir, type FsDir, type FsFile, type FsNode, getAt, joinSegments, setAt } from "./tree";

export const WHITEOUT_PREFIX = ".wh.";
export const OPAQUE_MARKER = ".wh..wh..opq";

export type MergedNode =
  | { type: "file"; file: FsFile }
  | { type: "dir"; upper: FsDir | undefined; lower: FsDir | undefined };

function hides(upper: FsDir | undefined, name: string): boolean {
  if (upper === undefined) return false;
  return childOf(upper, WHITEOUT_PREFIX + name) !== undefined || childOf(upper, OPAQUE_MARKER) !== undefined;
}

function asDir(node: FsNode | undefined): FsDir | undefined {
  return node !== undefined && node.type === "dir" ? node : undefined;
}

/** The merged node at `segs`; undefined when missing; ENOTDIR when a file is on the way. */
export function mergedLookup(
  lower: FsNode,
  upper: FsNode | undefined,
  segs: readonly string[],
): MergedNode | undefined {
  // Every file-system call walks here: two cursors, and one result object at the end.
  let upperDir: FsDir | undefined = asDir(upper);
  let lowerDir: FsDir | undefined = asDir(lower);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    const u: FsNode | undefined = upperDir ? childOf(upperDir, seg) : undefined;
    const l: FsNode | undefined = !hides(upperDir, seg) && lowerDir ? childOf(lowerDir, seg) : undefined;
    const found = u ?? l;
    if (found === undefined) return undefined;
    if (found.type === "file") {
      if (i < segs.length - 1) throw new FsError("ENOTDIR", joinSegments(segs.slice(0, i + 2)));
      return { type: "file", file: found };
    }
    upperDir = u as FsDir | undefined; // found is a directory, and u is found when u is there
    lowerDir = u === undefined ? found : asDir(l);
  }
  return { type: "dir", upper: upperDir ?? (segs.length === 0 ? emptyDir() : undefined), lower: lowerDir };
}

/** Visible names of a merged directory (unsorted, whiteouts removed). */
export function mergedNames(dir: Extract<MergedNode, { type: "dir" }>): string[] {
  const names = new Set<string>();
  if (dir.upper)
    for (const n of Object.keys(dir.upper.entries)) if (!n.startsWith(WHITEOUT_PREFIX)) names.add(n);
  if (dir.lower) for (const n of Object.keys(dir.lower.entries)) if (!hides(dir.upper, n)) names.add(n);
  return [...names];
}

/** A plain snapshot of a merged subtree (whiteouts applied), at most `budget.nodes` nodes. */
export function mergedSnapshot(merged: MergedNode, budget: { nodes: number }, path: string): FsNode {
  if (--budget.nodes < 0) throw new FsError("ENOSPC", path);
  if (merged.type === "file") return merged.file;
  const entries: Record<string, FsNode> = {};
  for (const name of mergedNames(merged).sort()) {
    const u = merged.upper ? childOf(merged.upper, name) : undefined;
    const l = !hides(merged.upper, name) && merged.lower ? childOf(merged.lower, name) : undefined;
    let child: MergedNode | undefined;
    if (u !== undefined)
      child = u.type === "file" ? { type: "file", file: u } : { type: "dir", upper: u, lower: asDir(l) };
    else if (l !== undefined)
      child = l.type === "file" ? { type: "file", file: l } : { type: "dir", upper: undefined, lower: l };
    if (child) entries[name] = mergedSnapshot(child, budget, `${path}/${name}`);
  }
  return { type: "dir", entries };
}

/**
 * A new upper layer with `node` at `segs`. The caller has checked that every ancestor is a
 * directory in the merged view. A directory put where a hidden lower directory exists is made opaque.
 */
export function upperPut(
  lower: FsNode,
  upper: FsNode | undefined,
  segs: readonly string[],
  node: FsNode,
): FsNode {
  const name = segs[segs.length - 1];
  if (name === undefined) return node;
  let toPut = node;
  if (node.type === "dir" && getAt(lower, segs)?.type === "dir") {
    const visibleBefore = mergedLookup(lower, upper, segs);
    const lowerVisible = visibleBefore?.type === "dir" && visibleBefore.lower !== undefined;
    if (!lowerVisible)
      toPut = { ...node, entries: { ...node.entries, [OPAQUE_MARKER]: { type: "file", data: "" } } };
  }
  return putInUpper(asDir(upper), segs, 0, toPut, WHITEOUT_PREFIX + name);
}

/**
 * `dir` with `node` at `segs` from `at` on, in one walk down the path: each directory on the way is
 * copied once, a missing one (or a file in the way) becomes a new empty directory (copy-up), and a
 * whiteout of the name is dropped.
 */
function putInUpper(
  dir: FsDir | undefined,
  segs: readonly string[],
  at: number,
  node: FsNode,
  whiteout: string,
): FsDir {
  const head = segs[at] as string;
  const entries: Record<string, FsNode> = dir === undefined ? {} : { ...dir.entries };
  if (at === segs.length - 1) {
    if (Object.hasOwn(entries, whiteout)) delete entries[whiteout];
    entries[head] = node;
  } else {
    const child = dir === undefined ? undefined : asDir(childOf(dir, head));
    entries[head] = putInUpper(child, segs, at + 1, node, whiteout);
  }
  return dir?.mode === undefined ? { type: "dir", entries } : { type: "dir", entries, mode: dir.mode };
}

/** A new upper layer without the entry at `segs`; a lower entry there gets a whiteout. */
export function upperRemove(lower: FsNode, upper: FsNode | undefined, segs: readonly string[]): FsNode {
  const name = segs[segs.length - 1];
  let root: FsNode = upper ?? emptyDir();
  if (name === undefined) return root;
  if (getAt(root, segs) !== undefined) root = setAt(root, segs, undefined);
  if (getAt(lower, segs) !== undefined) {
    const whiteout = WHITEOUT_PREFIX + name;
    root = putInUpper(asDir(root), [...segs.slice(0, -1), whiteout], 0, { type: "file", data: "" }, whiteout);
  }
  return root;
}
