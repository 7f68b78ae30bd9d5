import { describe, expect, it } from "vitest";
import { exec } from "../exec";
import { containerEnv } from "../testing";
import { mainProcessReaction } from "./main-process-signals";

/** Runs `argv` in a container of `image`; returns what it printed and the signals PID 1 got. */
function run(image: string, argv: string[]) {
  const env = containerEnv({ image });
  const mainProcess = { signals: [] as { signal: number; from: number }[] };
  env.mainProcess = mainProcess;
  const r = exec(argv, env);
  return {
    out: r.stdout,
    err: r.stderr,
    code: r.exitCode,
    signals: mainProcess.signals.map((s) => s.signal),
  };
}

describe("kill: busybox's applet, and the builtin of ash, dash and bash", () => {
  it.each<[string, string[], string, number, number[]]>([
    ["busybox:1.36", ["kill", "1"], "", 0, [15]],
    ["busybox:1.36", ["kill", "-9", "1"], "", 0, [9]],
    ["busybox:1.36", ["kill", "-KILL", "1"], "", 0, [9]],
    ["busybox:1.36", ["kill", "-s", "SIGINT", "1"], "", 0, [2]],
    ["busybox:1.36", ["kill", "-0", "1"], "", 0, []],
    ["busybox:1.36", ["kill", "42"], "kill: can't kill pid 42: No such process\n", 1, []],
    ["busybox:1.36", ["kill", "-FOO", "1"], "kill: bad signal name 'FOO'\n", 1, []],
    ["busybox:1.36", ["kill", "abc"], "kill: invalid number 'abc'\n", 1, []],
    ["busybox:1.36", ["sh", "-c", "kill 42"], "sh: can't kill pid 42: No such process\n", 1, []],
    ["busybox:1.36", ["sh", "-c", "kill -HUP 1; kill 1"], "", 0, [1, 15]],
    ["nginx:1.27", ["sh", "-c", "kill 1"], "", 0, [15]],
    ["nginx:1.27", ["sh", "-c", "kill -QUIT 1"], "", 0, [3]],
    ["nginx:1.27", ["sh", "-c", "kill 42"], "sh: 1: kill: No such process\n", 1, []],
    ["nginx:1.27", ["sh", "-c", "kill -s FOO 1"], "sh: 1: kill: invalid signal number or name: FOO\n", 1, []],
    ["nginx:1.27", ["sh", "-c", "kill abc"], "sh: 1: kill: Illegal number: abc\n", 2, []],
    ["nginx:1.27", ["sh", "-c", "kill 0; kill $$"], "", 0, []],
    ["redis:7", ["bash", "-c", "kill 42"], "bash: line 1: kill: (42) - No such process\n", 1, []],
    [
      "redis:7",
      ["bash", "-c", "kill -FOO 1"],
      "bash: line 1: kill: FOO: invalid signal specification\n",
      1,
      [],
    ],
  ])("%s %j", (image, argv, err, code, signals) => {
    expect(run(image, argv)).toEqual({ out: "", err, code, signals });
  });

  it("lists the signals as each shell does", () => {
    expect(run("busybox:1.36", ["kill", "-l"]).out).toMatch(
      /^ 1\) HUP\n 2\) INT\n[\s\S]*\n15\) TERM\n[\s\S]*31\) SYS\n$/,
    );
    expect(run("nginx:1.27", ["sh", "-c", "kill -l"]).out).toMatch(/^HUP\nINT\nQUIT\n[\s\S]*\nSYS\n$/);
  });

  it("is not on PATH in the Debian images (procps is not installed): only the shells have it", () => {
    expect(run("nginx:1.27", ["kill", "1"]).err).toMatch(/exec: "kill": executable file not found in \$PATH/);
  });
});

describe("what PID 1 does with a signal from inside its container", () => {
  const now = Date.UTC(2026, 11, 2, 18, 0, 0);
  it.each<[Parameters<typeof mainProcessReaction>[0], number, boolean, number | undefined]>([
    ["nginx", 15, true, 0],
    ["nginx", 3, true, 0],
    ["nginx", 9, false, undefined],
    ["nginx", 1, false, undefined],
    ["httpd", 15, true, 0],
    ["httpd", 28, true, 0],
    ["redis", 15, true, 0],
    ["python-http", 15, false, undefined],
    ["python-http", 2, true, 0],
    ["hello-app", 15, true, 2],
    ["hello-app", 9, false, undefined],
    [undefined, 15, false, undefined],
    [undefined, 9, false, undefined],
  ])("%s gets signal %i: exits %s", (server, signal, exits, exitCode) => {
    const r = mainProcessReaction(server, signal, 21, now);
    expect(r.exits).toBe(exits);
    if (r.exits) expect(r.exitCode).toBe(exitCode);
  });

  it("logs the stop as the server does", () => {
    const nginx = mainProcessReaction("nginx", 15, 21, now);
    expect(nginx.exits && nginx.log.split("\n")[0]).toBe(
      "2026/12/02 18:00:00 [notice] 1#1: signal 15 (SIGTERM) received from 21, exiting",
    );
    const httpd = mainProcessReaction("httpd", 15, 21, now);
    expect(httpd.exits && httpd.log).toBe(
      "[Wed Dec 02 18:00:00.000000 2026] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n",
    );
    const redis = mainProcessReaction("redis", 15, 21, now);
    expect(redis.exits && redis.log.split("\n")[0]).toBe(
      `1:signal-handler (${now / 1000}) Received SIGTERM scheduling shutdown...`,
    );
  });
});
