import { describe, expect, it } from "vitest";
import { buildTree } from "../fs/tree";
import { lookupImage } from "../images/catalog";
import { startProcess } from "./exec";
import { containerEnv, fakeNet, type TestContainer } from "./testing";
import type { ProcessOutcome } from "./types";

function start(c: TestContainer, argv?: string[]): ProcessOutcome {
  const info = lookupImage(c.image);
  return startProcess(argv ?? [...(info?.entrypoint ?? []), ...(info?.cmd ?? [])], containerEnv(c));
}

describe("startProcess with each image's default command", () => {
  it.each<[string, ProcessOutcome["kind"], number[], string]>([
    ["nginx", "running", [80], "/docker-entrypoint.sh: Configuration complete; ready for start up\n"],
    ["nginx:1.25", "running", [80], "[notice] 1#1: nginx/1.25.5\n"],
    ["httpd", "running", [80], "AH00094: Command line: 'httpd -D FOREGROUND'\n"],
    ["redis", "running", [6379], "* Ready to accept connections tcp\n"],
    [
      "gcr.io/google-samples/hello-app:1.0",
      "running",
      [8080],
      "2024/11/25 04:58:01 Server listening on port 8080\n",
    ],
    ["gcr.io/google-samples/hello-app:2.0", "running", [8080], "Server listening on port 8080\n"],
    ["busybox", "exited", [], ""],
    ["alpine", "exited", [], ""],
    ["python:3", "exited", [], ""],
    ["debian", "exited", [], ""],
    ["ubuntu", "exited", [], ""],
  ])("%s", (image, kind, ports, logTail) => {
    const r = start({ image });
    expect(r.kind).toBe(kind);
    if (r.kind === "running") {
      expect(r.listens.map((l) => l.port)).toEqual(ports);
      expect(r.logs).toContain(logTail);
    }
    if (r.kind === "exited") {
      expect(r.exitCode).toBe(0);
      expect(r.logs).toBe(logTail);
    }
  });

  it("the nginx entrypoint enables IPv6 by editing the container layer", () => {
    const env = containerEnv({ image: "nginx" });
    startProcess(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], env);
    expect(env.fs.readFile("/etc/nginx/conf.d/default.conf")).toContain("    listen  [::]:80;\n");
    expect(env.fs.changes().upper).toBeDefined();
  });

  it("nginx follows a mounted config (listen 8080, another root)", () => {
    const r = start({
      image: "nginx",
      mounts: [{ mountPath: "/etc/nginx/conf.d", volumeId: "cm", readOnly: true }],
      volumes: {
        cm: buildTree({ "/default.conf": "server {\n  listen 8080;\n  location / { root /srv/www; }\n}\n" }),
      },
    });
    expect(r.kind === "running" && r.listens).toEqual([
      { port: 8080, protocol: "TCP", server: "nginx", root: "/srv/www", version: "1.29.3" },
    ]);
    expect(r.kind === "running" && r.logs).toContain(
      "10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version\n",
    );
  });
});

describe("startProcess with pod commands", () => {
  it.each<[string, string[], Partial<ProcessOutcome>]>([
    ["busybox", ["sh", "-c", "echo hi; exit 3"], { kind: "exited", exitCode: 3, afterMs: 0, logs: "hi\n" }],
    [
      "busybox",
      ["sh", "-c", "sleep 10; echo done"],
      { kind: "exited", exitCode: 0, afterMs: 10_000, logs: "done\n" },
    ],
    ["busybox", ["sleep", "3600"], { kind: "running", listens: [], logs: "" }],
    ["busybox", ["sleep", "infinity"], { kind: "running", listens: [], logs: "" }],
    ["busybox", ["tail", "-f", "/dev/null"], { kind: "running", listens: [], logs: "" }],
    [
      "busybox",
      ["sh", "-c", "while true; do echo tick; sleep 30; done"],
      { kind: "running", listens: [], logs: "tick\ntick\ntick\n" },
    ],
    [
      "busybox",
      ["sh", "-c", "cat /nope"],
      {
        kind: "exited",
        exitCode: 1,
        afterMs: 0,
        logs: "cat: can't open '/nope': No such file or directory\n",
      },
    ],
    [
      "busybox",
      ["sh", "-c", "echo a; ls /x; echo b"],
      { kind: "exited", exitCode: 0, afterMs: 0, logs: "a\nls: /x: No such file or directory\nb\n" },
    ],
    ["nginx", ["nginx"], { kind: "exited", exitCode: 0 }],
    [
      "python:3",
      ["python", "-m", "http.server", "8000"],
      {
        kind: "running",
        listens: [{ port: 8000, protocol: "TCP", server: "python-http", root: "/", version: "3.13.0" }],
        logs: "",
      },
    ],
    [
      "python:3",
      ["python3", "-u", "-m", "http.server"],
      { kind: "running", logs: "Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n" },
    ],
    ["python:3", ["python3", "-c", "print('hi')"], { kind: "exited", exitCode: 0, logs: "hi\n" }],
    [
      "debian",
      ["bash", "-c", "foo"],
      { kind: "exited", exitCode: 127, logs: "bash: line 1: foo: command not found\n" },
    ],
  ])("%s %j", (image, argv, expected) => {
    expect(start({ image }, argv)).toMatchObject(expected);
  });

  it("files written before the server starts are kept", () => {
    const env = containerEnv({ image: "nginx" });
    const r = startProcess(
      ["sh", "-c", "echo custom > /usr/share/nginx/html/index.html && exec nginx -g 'daemon off;'"],
      env,
    );
    expect(r.kind).toBe("running");
    expect(env.fs.readFile("/usr/share/nginx/html/index.html")).toBe("custom\n");
  });

  it("a background server plus wait keeps running", () => {
    const r = start({ image: "python:3", cwd: "/tmp" }, ["sh", "-c", "python3 -m http.server 9000 & wait"]);
    expect(r).toMatchObject({ kind: "running", listens: [{ port: 9000, root: "/tmp" }] });
  });

  it.each<[string, string[], string]>([
    [
      "nginx",
      ["ngnix"],
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "ngnix": executable file not found in $PATH: unknown',
    ],
    [
      "gcr.io/google-samples/hello-app:1.0",
      ["sh", "-c", "echo"],
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown',
    ],
    [
      "busybox",
      ["/app/run"],
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/run": stat /app/run: no such file or directory: unknown',
    ],
  ])("%s %j is a start error", (image, argv, message) => {
    expect(start({ image }, argv)).toEqual({ kind: "start-error", message });
  });

  it("hello-app honours PORT", () => {
    const r = start({ image: "gcr.io/google-samples/hello-app:2.0", env: { PORT: "9090" } });
    expect(r).toMatchObject({
      kind: "running",
      listens: [{ port: 9090, server: "hello-app", version: "2.0.0" }],
    });
  });

  it("redis-cli reaches the server", () => {
    const net = fakeNet({ listeners: { "127.0.0.1:6379": { kind: "not-http" } } });
    const env = containerEnv({ image: "redis", net });
    const { exec } = { exec: startProcess };
    expect(exec(["redis-cli", "ping"], env)).toMatchObject({ kind: "exited", exitCode: 0, logs: "PONG\n" });
  });
});

describe("a server whose port another container of the pod already holds", () => {
  it.each<[string, number, string[] | undefined, string]>([
    ["nginx", 80, undefined, "nginx: [emerg] still could not bind()\n"],
    ["httpd", 80, undefined, "no listening sockets available, shutting down\nAH00015: Unable to open logs\n"],
    ["redis", 6379, undefined, "# Failed listening on port 6379 (tcp), aborting.\n"],
    [
      "gcr.io/google-samples/hello-app:1.0",
      8080,
      undefined,
      "listen tcp :8080: bind: address already in use\n",
    ],
    ["python:3", 8000, ["python", "-m", "http.server"], "OSError: [Errno 98] Address already in use\n"],
  ])("%s exits 1 with its own bind error", (image, port, argv, logTail) => {
    const info = lookupImage(image);
    const env = { ...containerEnv({ image }), portsInUse: [port] };
    const r = startProcess(argv ?? [...(info?.entrypoint ?? []), ...(info?.cmd ?? [])], env);
    expect(r.kind).toBe("exited");
    if (r.kind !== "exited") return;
    expect(r.exitCode).toBe(1);
    expect(r.logs.endsWith(logTail)).toBe(true);
  });

  it("a different port is free", () => {
    const info = lookupImage("httpd");
    const env = { ...containerEnv({ image: "httpd" }), portsInUse: [8080] };
    expect(startProcess([...(info?.entrypoint ?? []), ...(info?.cmd ?? [])], env).kind).toBe("running");
  });
});
