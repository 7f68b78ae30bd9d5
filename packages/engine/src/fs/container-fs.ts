/**
 * The file system one container sees: the image's read-only layer, the container's writable
 * layer, and volume mounts on top. Operations throw FsError; `changes()` hands back the new roots.
 */
import { FsError } from "./fs-error";
import { type MergedNode, mergedLookup, mergedNames, mergedSnapshot, upperPut, upperRemove } from "./overlay";
import {
  childOf,
  compareNames,
  emptyDir,
  type FsNode,
  getAt,
  joinSegments,
  MAX_PATH_DEPTH,
  MAX_PATH_LENGTH,
  resolveSegments,
  setAt,
} from "./tree";

export interface Mount {
  mountPath: string;
  volumeId: string;
  subPath?: string;
  readOnly: boolean;
  /** What backs it, as `df` and `mount` show it (the node's disk when not said). */
  source?: MountSource;
}

/** A mounted file system as /proc/mounts and statfs describe it. */
export interface MountSource {
  /** `/dev/sda1` (the node's boot disk), `/dev/sdb` (an attached disk), `tmpfs`, `10.76.0.2:/vol1`. */
  device: string;
  type: "ext4" | "tmpfs" | "nfs4";
  /** Bytes the file system holds. */
  sizeBytes: number;
}

/** The node's boot disk (ephemeral-storage capacity), which holds emptyDirs, hostPaths and /etc/hosts. */
export const NODE_DISK: MountSource = { device: "/dev/sda1", type: "ext4", sizeBytes: 98831908 * 1024 };

export interface ContainerFsInit {
  lower: FsNode;
  upper: FsNode | undefined;
  mounts: Mount[];
  volumes: Record<string, FsNode>;
}

export interface FsStat {
  type: "file" | "dir";
  /** Bytes for a file, 4096 for a directory. */
  size: number;
  mode: number;
  readOnly: boolean;
  mountPoint: boolean;
}

/** Largest file a write may produce. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Largest subtree a copy or rename may move. */
export const MAX_COPY_NODES = 5000;

/** Where a path lands: `abs` its absolute segments, `segs` the segments inside the layer or volume. */
type Location =
  | { kind: "root"; segs: string[]; abs: string[]; path: string }
  | {
      kind: "volume";
      volumeId: string;
      segs: string[];
      abs: string[];
      path: string;
      readOnly: boolean;
      atMountPoint: boolean;
    };

/** What `lookup` answers for a merged directory without a mode: callers read its type and mode only. */
const MERGED_DIR: FsNode = Object.freeze({ type: "dir", entries: Object.freeze({}) });

interface MountEntry {
  segs: string[];
  mount: Mount;
  rootSegs: string[];
}

export class ContainerFs {
  /** Directory relative paths are resolved against. */
  cwd = "/";
  private readonly lower: FsNode;
  private upper: FsNode | undefined;
  private upperDirty = false;
  /**
   * The mounted volumes' roots. A Map, not a record: volume ids hold pod uids, and an object given
   * fresh property names for every container would make a new hidden class each time.
   */
  private readonly volumes = new Map<string, FsNode>();
  private readonly dirtyVolumes = new Set<string>();
  private readonly mounts: MountEntry[];

  constructor(init: ContainerFsInit) {
    this.lower = init.lower;
    this.upper = init.upper;
    // Only the mounted volumes: the cluster's file-system map holds every container layer of every pod.
    for (const m of init.mounts) {
      const root = init.volumes[m.volumeId];
      if (root !== undefined) this.volumes.set(m.volumeId, root);
    }
    this.mounts = init.mounts
      .map((mount) => ({
        mount,
        segs: resolveSegments("/", mount.mountPath),
        rootSegs: mount.subPath ? resolveSegments("/", mount.subPath) : [],
      }))
      .sort((a, b) => b.segs.length - a.segs.length);
    for (const m of this.mounts) {
      const root = this.volumes.get(m.mount.volumeId) ?? emptyDir();
      if (!this.volumes.has(m.mount.volumeId)) this.setVolume(m.mount.volumeId, root);
      if (m.rootSegs.length > 0 && getAt(root, m.rootSegs) === undefined) {
        this.setVolume(m.mount.volumeId, setAt(root, m.rootSegs, emptyDir()));
      }
    }
  }

  /** Only the roots that changed since construction. */
  changes(): { upper: FsNode | undefined; volumes: Record<string, FsNode> } {
    const volumes: Record<string, FsNode> = {};
    for (const id of this.dirtyVolumes) {
      const root = this.volumes.get(id);
      if (root !== undefined) volumes[id] = root;
    }
    return { upper: this.upperDirty ? this.upper : undefined, volumes };
  }

  /** The mount table, by path. */
  mountPoints(): { path: string; volumeId: string; readOnly: boolean; source: MountSource }[] {
    return this.mounts
      .map((m) => ({
        path: joinSegments(m.segs),
        volumeId: m.mount.volumeId,
        readOnly: m.mount.readOnly,
        source: m.mount.source ?? NODE_DISK,
      }))
      .sort((a, b) => compareNames(a.path, b.path));
  }

  /** Normalized absolute path of `path` against `cwd`. */
  resolve(path: string): string {
    return joinSegments(this.segments(path));
  }

  exists(path: string): boolean {
    try {
      return this.lookup(this.locate(path)) !== undefined;
    } catch {
      return false;
    }
  }

  stat(path: string): FsStat {
    const st = this.tryStat(path);
    if (st === undefined) throw new FsError("ENOENT", this.resolve(path));
    return st;
  }

  /** `stat` without the ENOENT error: PATH lookups probe many names that do not exist. */
  tryStat(path: string): FsStat | undefined {
    const loc = this.locate(path);
    const node = this.lookup(loc);
    if (node === undefined) return undefined;
    const readOnly = loc.kind === "volume" && loc.readOnly;
    const mountPoint = loc.kind === "volume" && loc.atMountPoint;
    if (node.type === "file")
      return { type: "file", size: node.data.length, mode: node.mode ?? 0o644, readOnly, mountPoint };
    return { type: "dir", size: 4096, mode: node.mode ?? 0o755, readOnly, mountPoint };
  }

  readFile(path: string): string {
    const loc = this.locate(path);
    const node = this.lookup(loc);
    if (node === undefined) throw new FsError("ENOENT", loc.path);
    if (node.type === "dir") throw new FsError("EISDIR", loc.path);
    return node.data;
  }

  /** Creates or truncates (or appends to) a file. `exclusive` fails with EEXIST if it exists. */
  writeFile(
    path: string,
    data: string,
    opts: { append?: boolean; exclusive?: boolean; mode?: number } = {},
  ): void {
    const loc = this.locate(path);
    const existing = this.lookup(loc);
    if (existing?.type === "dir") throw new FsError("EISDIR", loc.path);
    if (existing !== undefined && opts.exclusive) throw new FsError("EEXIST", loc.path);
    if (existing === undefined) this.checkParentDir(loc);
    this.checkWritable(loc);
    const content = opts.append && existing ? existing.data + data : data;
    if (content.length > MAX_FILE_BYTES) throw new FsError("ENOSPC", loc.path);
    const mode = opts.mode ?? existing?.mode;
    this.put(
      loc,
      mode === undefined ? { type: "file", data: content } : { type: "file", data: content, mode },
    );
  }

  /** mkdir; with `parents`, like mkdir -p (no error if it exists as a directory). */
  mkdir(path: string, opts: { parents?: boolean } = {}): void {
    const segs = this.segments(path);
    if (opts.parents) {
      for (let i = 1; i <= segs.length; i++) {
        const loc = this.locate(joinSegments(segs.slice(0, i)));
        const node = this.lookup(loc);
        if (node?.type === "file") throw new FsError(i === segs.length ? "EEXIST" : "ENOTDIR", loc.path);
        if (node === undefined) {
          this.checkWritable(loc);
          this.put(loc, emptyDir());
        }
      }
      return;
    }
    const loc = this.locate(path);
    if (this.lookup(loc) !== undefined) throw new FsError("EEXIST", loc.path);
    this.checkParentDir(loc);
    this.checkWritable(loc);
    this.put(loc, emptyDir());
  }

  /** Sorted names in a directory (mount points included). */
  readdir(path: string): string[] {
    const loc = this.locate(path);
    const names = new Set<string>();
    if (loc.kind === "root") {
      const merged = mergedLookup(this.lower, this.upper, loc.segs);
      if (merged === undefined) throw new FsError("ENOENT", loc.path);
      if (merged.type === "file") throw new FsError("ENOTDIR", loc.path);
      for (const n of mergedNames(merged)) names.add(n);
    } else {
      const node = this.lookup(loc);
      if (node === undefined) throw new FsError("ENOENT", loc.path);
      if (node.type === "file") throw new FsError("ENOTDIR", loc.path);
      for (const n of Object.keys(node.entries)) names.add(n);
    }
    const here = loc.abs;
    for (const m of this.mounts) {
      const last = m.segs[m.segs.length - 1];
      if (last !== undefined && m.segs.length === here.length + 1 && here.every((s, i) => m.segs[i] === s))
        names.add(last);
    }
    return [...names].sort(compareNames);
  }

  /** Removes a file, or a directory (empty unless `recursive`). */
  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const loc = this.locate(path);
    const node = this.lookup(loc);
    if (node === undefined) throw new FsError("ENOENT", loc.path);
    if (loc.segs.length === 0 && loc.kind === "root") throw new FsError("EBUSY", loc.path);
    if (loc.kind === "volume" && loc.atMountPoint) throw new FsError("EBUSY", loc.path);
    if (node.type === "dir") {
      if (!opts.recursive && this.readdir(loc.path).length > 0) throw new FsError("ENOTEMPTY", loc.path);
      if (this.hasMountBelow(loc.path)) throw new FsError("EBUSY", loc.path);
    }
    this.checkWritable(loc);
    this.drop(loc);
  }

  /** A plain snapshot of the subtree at `path` (mounts below it are not followed). */
  snapshot(path: string): FsNode {
    const loc = this.locate(path);
    const budget = { nodes: MAX_COPY_NODES };
    if (loc.kind === "root") {
      const merged: MergedNode | undefined = mergedLookup(this.lower, this.upper, loc.segs);
      if (merged === undefined) throw new FsError("ENOENT", loc.path);
      return mergedSnapshot(merged, budget, loc.path);
    }
    const node = this.lookup(loc);
    if (node === undefined) throw new FsError("ENOENT", loc.path);
    return node;
  }

  /** Copies a file or (with `recursive`) a directory tree to `to`, replacing a file there. */
  copy(from: string, to: string, opts: { recursive?: boolean } = {}): void {
    const tree = this.snapshot(from);
    if (tree.type === "dir" && !opts.recursive) throw new FsError("EISDIR", this.resolve(from));
    this.place(this.resolve(from), to, tree);
  }

  /** Moves `from` to `to` (across mounts too, by copy and delete). */
  rename(from: string, to: string): void {
    const src = this.locate(from);
    if (this.lookup(src) === undefined) throw new FsError("ENOENT", src.path);
    if ((src.kind === "volume" && src.atMountPoint) || (src.kind === "root" && src.segs.length === 0)) {
      throw new FsError("EBUSY", src.path);
    }
    this.checkWritable(src);
    const tree = this.snapshot(from);
    if (tree.type === "dir" && this.hasMountBelow(src.path)) throw new FsError("EBUSY", src.path);
    this.place(src.path, to, tree);
    this.drop(src);
  }

  private place(fromPath: string, to: string, tree: FsNode): void {
    const dst = this.locate(to);
    if (dst.path === fromPath) return;
    if (tree.type === "dir" && `${dst.path}/`.startsWith(fromPath === "/" ? "/" : `${fromPath}/`)) {
      throw new FsError("EINVAL", dst.path);
    }
    const existing = this.lookup(dst);
    if (existing === undefined) this.checkParentDir(dst);
    else if (existing.type === "dir" && tree.type === "file") throw new FsError("EISDIR", dst.path);
    else if (existing.type === "file" && tree.type === "dir") throw new FsError("ENOTDIR", dst.path);
    else if (existing.type === "dir") {
      if (this.readdir(dst.path).length > 0) throw new FsError("ENOTEMPTY", dst.path);
      if (dst.kind === "volume" && dst.atMountPoint) throw new FsError("EBUSY", dst.path);
    }
    this.checkWritable(dst);
    if (existing !== undefined) this.drop(dst);
    this.put(dst, tree);
  }

  /** The path's absolute segments (shared: never change the array). */
  private segments(path: string): string[] {
    return this.resolved(path).segs;
  }

  private resolved(path: string): ResolvedPath {
    const key = path.startsWith("/") ? path : `${this.cwd}\u0000${path}`;
    let known = RESOLVED.get(key);
    if (known === undefined) {
      if (path.length > MAX_PATH_LENGTH) throw new FsError("ENAMETOOLONG", path.slice(0, 64));
      const segs = resolveSegments(this.cwd, path);
      if (segs.length > MAX_PATH_DEPTH) throw new FsError("ENAMETOOLONG", path.slice(0, 64));
      for (const s of segs) if (s.length > 255) throw new FsError("ENAMETOOLONG", path.slice(0, 64));
      known = { segs, path: joinSegments(segs) };
      if (RESOLVED.size >= RESOLVED_LIMIT) RESOLVED.clear();
      RESOLVED.set(key, known);
    }
    return known;
  }

  private locate(path: string): Location {
    const { segs, path: abs } = this.resolved(path);
    return this.locateSegments(segs, abs);
  }

  private locateSegments(segs: string[], abs = joinSegments(segs)): Location {
    for (const m of this.mounts) {
      if (isPrefix(m.segs, segs)) {
        return {
          kind: "volume",
          volumeId: m.mount.volumeId,
          segs: [...m.rootSegs, ...segs.slice(m.segs.length)],
          abs: segs,
          path: abs,
          readOnly: m.mount.readOnly,
          atMountPoint: m.segs.length === segs.length,
        };
      }
    }
    return { kind: "root", segs, abs: segs, path: abs };
  }

  private lookup(loc: Location): FsNode | undefined {
    if (loc.kind === "root") {
      const merged = mergedLookup(this.lower, this.upper, loc.segs);
      if (merged === undefined) return undefined;
      if (merged.type === "file") return merged.file;
      const mode = merged.upper?.mode;
      return mode === undefined ? MERGED_DIR : { type: "dir", entries: {}, mode };
    }
    let node: FsNode | undefined = this.volumes.get(loc.volumeId);
    for (const seg of loc.segs) {
      if (node === undefined) return undefined;
      if (node.type !== "dir") throw new FsError("ENOTDIR", loc.path);
      node = childOf(node, seg);
    }
    return node;
  }

  private checkParentDir(loc: Location): void {
    const node = this.lookup(this.locateSegments(loc.abs.slice(0, -1)));
    if (node === undefined) throw new FsError("ENOENT", loc.path);
    if (node.type !== "dir") throw new FsError("ENOTDIR", loc.path);
  }

  private checkWritable(loc: Location): void {
    if (loc.kind === "volume" && loc.readOnly) throw new FsError("EROFS", loc.path);
  }

  private hasMountBelow(path: string): boolean {
    const prefix = path === "/" ? "/" : `${path}/`;
    return this.mounts.some((m) => joinSegments(m.segs).startsWith(prefix) && m.segs.length > 0);
  }

  private put(loc: Location, node: FsNode): void {
    if (loc.kind === "root") {
      this.upper = upperPut(this.lower, this.upper, loc.segs, node);
      this.upperDirty = true;
    } else {
      this.setVolume(loc.volumeId, setAt(this.volumes.get(loc.volumeId), loc.segs, node));
    }
  }

  private drop(loc: Location): void {
    if (loc.kind === "root") {
      this.upper = upperRemove(this.lower, this.upper, loc.segs);
      this.upperDirty = true;
    } else {
      this.setVolume(loc.volumeId, setAt(this.volumes.get(loc.volumeId), loc.segs, undefined));
    }
  }

  private setVolume(id: string, root: FsNode): void {
    this.volumes.set(id, root);
    this.dirtyVolumes.add(id);
  }
}

interface ResolvedPath {
  readonly segs: string[];
  readonly path: string;
}

/**
 * Paths already resolved, by path (or working directory and relative path): every container start
 * and every command looks up the same few dozen paths (PATH entries, /etc files, config files), and
 * splitting and joining them again was a large share of the file system's time and garbage.
 */
const RESOLVED = new Map<string, ResolvedPath>();
const RESOLVED_LIMIT = 4096;

/** Whether `prefix` is a leading run of `segs`. */
function isPrefix(prefix: readonly string[], segs: readonly string[]): boolean {
  if (prefix.length > segs.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== segs[i]) return false;
  return true;
}
