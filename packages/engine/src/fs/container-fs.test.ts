import { describe, expect, it } from "vitest";
import { ContainerFs, type Mount } from "./container-fs";
import { FsError, type FsErrorCode } from "./fs-error";
import { buildTree, deepFreeze, type FsNode, getAt } from "./tree";

const lower = deepFreeze(
  buildTree({
    "/etc/os-release": "ID=test\n",
    "/etc/nginx/conf.d/default.conf": "server {}\n",
    "/usr/share/html/index.html": "<h1>hi</h1>\n",
    "/usr/share/html/old.html": "old\n",
    "/bin/sh": { data: "elf", mode: 0o755 },
    "/tmp": null,
  }),
);

function make(mounts: Mount[] = [], volumes: Record<string, FsNode> = {}, upper?: FsNode): ContainerFs {
  return new ContainerFs({
    lower,
    upper: upper === undefined ? undefined : deepFreeze(upper),
    mounts,
    volumes: Object.fromEntries(Object.entries(volumes).map(([k, v]) => [k, deepFreeze(v)])),
  });
}

function code(fn: () => unknown): FsErrorCode | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
}

describe("ContainerFs overlay", () => {
  it("reads the lower layer and writes only to the upper layer", () => {
    const fs = make();
    expect(fs.readFile("/etc/os-release")).toBe("ID=test\n");
    fs.writeFile("/etc/os-release", "ID=changed\n");
    fs.writeFile("/tmp/a", "1");
    fs.writeFile("/tmp/a", "2", { append: true });
    expect(fs.readFile("/etc/os-release")).toBe("ID=changed\n");
    expect(fs.readFile("/tmp/a")).toBe("12");
    const { upper, volumes } = fs.changes();
    expect(getAt(upper, ["tmp", "a"])).toEqual({ type: "file", data: "12" });
    expect(volumes).toEqual({});
    expect(getAt(lower, ["etc", "os-release"])).toEqual({ type: "file", data: "ID=test\n" });
  });

  it("records deletions of lower files as whiteouts and hides them", () => {
    const fs = make();
    fs.remove("/usr/share/html/old.html");
    expect(fs.exists("/usr/share/html/old.html")).toBe(false);
    expect(fs.readdir("/usr/share/html")).toEqual(["index.html"]);
    const { upper } = fs.changes();
    expect(getAt(upper, ["usr", "share", "html", ".wh.old.html"])).toBeDefined();
    const again = make([], {}, upper);
    expect(again.exists("/usr/share/html/old.html")).toBe(false);
    again.writeFile("/usr/share/html/old.html", "new\n");
    expect(again.readFile("/usr/share/html/old.html")).toBe("new\n");
  });

  it("a removed and recreated lower directory is opaque", () => {
    const fs = make();
    fs.remove("/usr/share/html", { recursive: true });
    fs.mkdir("/usr/share/html");
    expect(fs.readdir("/usr/share/html")).toEqual([]);
    fs.writeFile("/usr/share/html/x", "x");
    expect(fs.readdir("/usr/share/html")).toEqual(["x"]);
  });

  it("untouched file systems report no changes", () => {
    const fs = make();
    fs.readFile("/etc/os-release");
    expect(fs.changes()).toEqual({ upper: undefined, volumes: {} });
  });

  it("rename and copy across layers", () => {
    const fs = make();
    fs.rename("/etc/nginx", "/tmp/nginx");
    expect(fs.readFile("/tmp/nginx/conf.d/default.conf")).toBe("server {}\n");
    expect(fs.exists("/etc/nginx")).toBe(false);
    fs.copy("/tmp/nginx", "/tmp/copy", { recursive: true });
    expect(fs.readdir("/tmp")).toEqual(["copy", "nginx"]);
    expect(code(() => fs.copy("/tmp/nginx", "/tmp/c2"))).toBe("EISDIR");
    expect(code(() => fs.rename("/tmp", "/tmp/inside"))).toBe("EINVAL");
  });

  it("relative paths resolve against cwd", () => {
    const fs = make();
    fs.cwd = "/usr/share";
    expect(fs.readFile("html/../html/./index.html")).toBe("<h1>hi</h1>\n");
    expect(fs.resolve("../../..")).toBe("/");
  });
});

describe("ContainerFs mounts", () => {
  const mounts: Mount[] = [
    { mountPath: "/data", volumeId: "v1", readOnly: false },
    { mountPath: "/data/sub", volumeId: "v2", subPath: "site/html", readOnly: false },
    { mountPath: "/etc/config", volumeId: "cm", readOnly: true },
  ];
  const volumes = { v1: buildTree({ "/a.txt": "A" }), v2: buildTree({}), cm: buildTree({ "/key": "value" }) };

  it("longest mount prefix wins, subPath is created, changes hold new roots only", () => {
    const fs = make(mounts, volumes);
    fs.writeFile("/data/b.txt", "B");
    fs.writeFile("/data/sub/index.html", "I");
    expect(fs.readdir("/data")).toEqual(["a.txt", "b.txt", "sub"]);
    const ch = fs.changes();
    expect(ch.upper).toBeUndefined();
    expect(getAt(ch.volumes.v1, ["b.txt"])).toEqual({ type: "file", data: "B" });
    expect(getAt(ch.volumes.v2, ["site", "html", "index.html"])).toEqual({ type: "file", data: "I" });
    expect(ch.volumes.cm).toBeUndefined();
    expect(getAt(volumes.v1, ["b.txt"])).toBeUndefined();
  });

  it("mount points appear in their parent listing", () => {
    const fs = make(mounts, volumes);
    expect(fs.readdir("/etc")).toEqual(["config", "nginx", "os-release"]);
    expect(fs.stat("/etc/config").mountPoint).toBe(true);
  });

  it.each<[string, (fs: ContainerFs) => unknown, FsErrorCode]>([
    ["write to a read-only mount", (fs) => fs.writeFile("/etc/config/new", "x"), "EROFS"],
    ["remove from a read-only mount", (fs) => fs.remove("/etc/config/key"), "EROFS"],
    ["mkdir in a read-only mount", (fs) => fs.mkdir("/etc/config/d"), "EROFS"],
    ["remove a mount point", (fs) => fs.remove("/data", { recursive: true }), "EBUSY"],
    ["read a missing file", (fs) => fs.readFile("/nope"), "ENOENT"],
    ["read a directory", (fs) => fs.readFile("/etc"), "EISDIR"],
    ["walk through a file", (fs) => fs.readFile("/etc/os-release/x"), "ENOTDIR"],
    ["mkdir an existing dir", (fs) => fs.mkdir("/tmp"), "EEXIST"],
    ["mkdir without parent", (fs) => fs.mkdir("/x/y"), "ENOENT"],
    ["rmdir a non-empty dir", (fs) => fs.remove("/etc"), "ENOTEMPTY"],
    ["write into a missing dir", (fs) => fs.writeFile("/nope/x", ""), "ENOENT"],
    ["a huge path", (fs) => fs.readFile(`/${"a/".repeat(3000)}`), "ENAMETOOLONG"],
    ["a file too large", (fs) => fs.writeFile("/tmp/big", "x".repeat(2 * 1024 * 1024)), "ENOSPC"],
  ])("%s fails with the errno", (_, op, expected) => {
    expect(code(() => op(make(mounts, volumes)))).toBe(expected);
  });

  it("mkdir -p goes through mounts and existing dirs", () => {
    const fs = make(mounts, volumes);
    fs.mkdir("/data/x/y/z", { parents: true });
    fs.mkdir("/data/x/y/z", { parents: true });
    expect(fs.stat("/data/x/y/z").type).toBe("dir");
    expect(code(() => fs.mkdir("/etc/os-release/d", { parents: true }))).toBe("ENOTDIR");
  });

  it("a subPath that names a file mounts that file", () => {
    const fs = make(
      [{ mountPath: "/etc/nginx/conf.d/default.conf", volumeId: "cm", subPath: "key", readOnly: true }],
      volumes,
    );
    expect(fs.readFile("/etc/nginx/conf.d/default.conf")).toBe("value");
  });
});
