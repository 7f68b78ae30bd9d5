/** Test helpers: a container of a catalog image and a small hand-written network. */
import { ContainerFs, type Mount } from "../fs/container-fs";
import type { FsNode } from "../fs/tree";
import { lookupImage } from "../images/catalog";
import type { HttpResponse, NetworkAccess, ShellEnv } from "./types";

/** 2024-11-25T04:58:01Z */
export const TEST_NOW = 1732510681000;

export interface FakeNet {
  /** "ip:port" -> what answers. */
  listeners?: Record<string, HttpResponse | "timeout" | "unreachable">;
  /** name -> addresses (names resolve to `${name}.default.svc.cluster.local`). */
  names?: Record<string, string[]>;
  dnsTimeout?: boolean;
}

export function fakeNet(spec: FakeNet = {}): NetworkAccess {
  return {
    connect(host, port) {
      const l = spec.listeners?.[`${host}:${port}`];
      if (l === undefined) return { ok: false, error: "refused" };
      if (l === "timeout" || l === "unreachable") return { ok: false, error: l };
      return { ok: true, serve: () => l };
    },
    resolve(name) {
      if (spec.dnsTimeout) return { ok: false, error: "timeout" };
      const short = name.replace(/\.default\.svc\.cluster\.local\.?$/, "");
      const addresses = spec.names?.[short];
      return addresses === undefined
        ? { ok: false, error: "nxdomain" }
        : { ok: true, name: `${short}.default.svc.cluster.local`, addresses };
    },
    dnsServer: () => ({ name: "kube-dns.kube-system.svc.cluster.local", address: "10.12.0.10" }),
    interfaces: () => [
      { name: "lo", index: 1, mac: "00:00:00:00:00:00", mtu: 65536, cidr: "127.0.0.1/8" },
      { name: "eth0", index: 2, mac: "4a:1f:7c:2e:9b:01", mtu: 1460, cidr: "10.8.0.12/24", peerIndex: 13 },
    ],
    routes: () => ["default via 10.8.0.1 dev eth0 ", "10.8.0.0/24 via 10.8.0.1 dev eth0 src 10.8.0.12 "],
  };
}

export interface TestContainer {
  image: string;
  net?: NetworkAccess;
  upper?: FsNode;
  mounts?: Mount[];
  volumes?: Record<string, FsNode>;
  env?: Record<string, string>;
  cwd?: string;
}

export function containerEnv(c: TestContainer): ShellEnv {
  const info = lookupImage(c.image);
  if (info === undefined) throw new Error(`no image ${c.image}`);
  return {
    fs: new ContainerFs({
      lower: info.files,
      upper: c.upper,
      mounts: c.mounts ?? [],
      volumes: c.volumes ?? {},
    }),
    env: { ...info.env, HOSTNAME: "web-7d9f", HOME: "/root", ...c.env },
    hostname: "web-7d9f",
    cwd: c.cwd ?? info.workingDir,
    flavour: info.shell,
    now: TEST_NOW,
    net: c.net ?? fakeNet(),
  };
}

export function ok(body: string, status = 200, reason = "OK"): HttpResponse {
  return {
    kind: "http",
    status,
    reason,
    headers: { Server: "nginx/1.27.3", "Content-Length": String(body.length) },
    body,
  };
}
