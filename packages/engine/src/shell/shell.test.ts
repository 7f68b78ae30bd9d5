import { describe, expect, it } from "vitest";
import { buildTree } from "../fs/tree";
import { exec } from "./exec";
import { containerEnv } from "./testing";

function run(image: string, argv: string[]) {
  return exec(argv, containerEnv({ image }));
}

describe("shell language", () => {
  it.each<[string, string, string]>([
    ["echo a; echo b", "a\nb\n", ""],
    ["true && echo yes || echo no", "yes\n", ""],
    ["false && echo yes || echo no", "no\n", ""],
    ["echo 'single $HOME' \"double $HOME\" \\$HOME", "single $HOME double /root $HOME\n", ""],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax
    ["X=1; echo ${X} ${Y:-dflt} ${#HOME} $((X + 2 * 3))", "1 dflt 5 7\n", ""],
    ["echo $(echo inner) `echo back`", "inner back\n", ""],
    ["false; echo $?; nope 2>/dev/null; echo $?", "1\n127\n", ""],
    ["echo a | cat | wc -l", "1\n", ""],
    ["echo out; echo err >&2", "out\n", "err\n"],
    ["ls /nope 2>&1 | head -1", "ls: /nope: No such file or directory\n", ""],
    ["echo hi > /tmp/f; echo more >> /tmp/f; cat < /tmp/f", "hi\nmore\n", ""],
    ["for i in 1 2 3; do echo $i; done", "1\n2\n3\n", ""],
    ["i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i", "3\n", ""],
    ["if [ -d /etc ]; then echo dir; elif true; then echo no; else echo no; fi", "dir\n", ""],
    ['f() { echo "arg:$1"; return 3; }; f x; echo $?', "arg:x\n3\n", ""],
    ["set -- a b c; echo $# $2; shift; echo $@", "3 b\nb c\n", ""],
    [
      "cd /etc && pwd; cd /nope; echo $?",
      "/etc\n2\n",
      "sh: cd: can't cd to /nope: No such file or directory\n",
    ],
    ["echo -n x; echo -e 'a\\tb'", "xa\tb\n", ""],
    ["printf '%s=%d\\n' a 1 b 2", "a=1\nb=2\n", ""],
    ["echo unterminated 'quote", "", "sh: syntax error: unterminated quoted string\n"],
    ["if true; then echo x", "", 'sh: syntax error: unexpected end of file (expecting "fi")\n'],
    ["exit 3; echo never", "", ""],
    ["echo /etc/os-rel*", "/etc/os-release\n", ""],
    ["echo > /nope/x", "", "sh: can't create /nope/x: nonexistent directory\n"],
    ["while true; do :; done; echo never", "", ""],
  ])("busybox sh -c %j", (script, stdout, stderr) => {
    const r = run("alpine", ["sh", "-c", script]);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe(stderr);
  });

  it.each<[string, string, string, number]>([
    ["busybox", "foo", "sh: foo: not found\n", 127],
    ["nginx", "foo", "sh: 1: foo: not found\n", 127],
    ["debian", "foo", "sh: 1: foo: not found\n", 127],
    ["nginx", "echo 'x", "sh: 1: Syntax error: Unterminated quoted string\n", 2],
    ["nginx", "cd /nope", "sh: 1: cd: can't cd to /nope\n", 2],
    ["nginx", "cat /x", "cat: /x: No such file or directory\n", 1],
    ["nginx", "echo > /nope/x", "sh: 1: cannot create /nope/x: Directory nonexistent\n", 2],
    ["nginx", "[ 1 -eq x ]", "sh: 1: [: Illegal number: x\n", 2],
  ])("%s sh -c %j", (image, script, stderr, code) => {
    const r = run(image, ["sh", "-c", script]);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it.each<[string[], string, number]>([
    [["bash", "-c", "foo"], "bash: line 1: foo: command not found\n", 127],
    [["bash", "-c", "cd /nope"], "bash: line 1: cd: /nope: No such file or directory\n", 1],
    [["bash", "-c", "echo > /nope/x"], "bash: line 1: /nope/x: No such file or directory\n", 1],
    [["bash", "-c", "if"], "bash: -c: line 2: syntax error: unexpected end of file\n", 2],
  ])("debian %j", (argv, stderr, code) => {
    const r = run("debian", argv);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it("set and export -p print values a shell can read back, each in its shell's quoting", () => {
    const script = `Q="it's"; E=; P=a/b; export Q; set | grep -E '^(Q|E|P)='; export -p | grep ' Q='`;
    expect(run("alpine", ["sh", "-c", script]).stdout).toBe(
      `E=''\nP='a/b'\nQ='it'"'"'s'\nexport Q='it'"'"'s'\n`,
    );
    expect(run("debian", ["bash", "-c", script]).stdout).toBe(
      `E=\nP=a/b\nQ='it'\\''s'\ndeclare -x Q="it's"\n`,
    );
    const back = `Q="it's \\"two\\""; S=$(set | grep '^Q='); unset Q; eval "$S"; echo "$Q"`;
    expect(run("alpine", ["sh", "-c", back]).stdout).toBe(`it's "two"\n`);
  });

  it("df prints busybox's columns in busybox and coreutils' (rounded up) in Debian", () => {
    expect(run("busybox", ["df", "-h", "/"]).stdout).toBe(
      "Filesystem          Size    Used Available Use% Mounted on\noverlay            94.3G    5.7G     88.5G   7% /\n",
    );
    expect(run("nginx", ["df", "-h"]).stdout).toBe(
      "Filesystem      Size  Used Avail Use% Mounted on\noverlay          95G  5.8G   89G   7% /\ntmpfs            64M     0   64M   0% /dev\nshm              64M     0   64M   0% /dev/shm\n",
    );
    // mount lists the table; mounting anything needs a privilege a container lacks.
    expect(run("busybox", ["mount"]).stdout).toContain("overlay on / type overlay (rw,relatime)\n");
    expect(run("busybox", ["mount", "-t", "tmpfs", "none", "/mnt"])).toMatchObject({
      stderr: "mount: permission denied (are you root?)\n",
      exitCode: 255,
    });
    expect(run("nginx", ["df", "/nope"])).toMatchObject({
      stderr: "df: /nope: No such file or directory\n",
      exitCode: 1,
    });
  });

  it("dash's echo interprets escapes and has no -e", () => {
    expect(run("nginx", ["sh", "-c", "echo -e 'a\\nb'"]).stdout).toBe("-e a\nb\n");
    expect(run("debian", ["bash", "-c", "echo -e 'a\\nb'"]).stdout).toBe("a\nb\n");
  });

  it("is bounded on huge or deep input", () => {
    expect(run("alpine", ["sh", "-c", `echo ${"x".repeat(5_000_000)}`])).toMatchObject({
      execFailed: true,
      exitCode: 1,
    });
    const deep = `${"(".repeat(500)}echo x${")".repeat(500)}`;
    const r = run("alpine", ["sh", "-c", deep]);
    expect(r.exitCode).toBe(2);
    const nested = `${"$(echo ".repeat(300)}x${")".repeat(300)}`;
    expect(run("alpine", ["sh", "-c", `echo ${nested}`]).exitCode).toBe(2);
    const bomb = run("alpine", ["sh", "-c", "f() { f; }; f"]);
    expect(bomb.stillRunning).toBe(true);
  });
});

describe("exec", () => {
  it.each<[string, string[], string]>([
    ["nginx", ["foo"], 'exec: "foo": executable file not found in $PATH: unknown'],
    ["nginx", ["/nope"], 'exec: "/nope": stat /nope: no such file or directory: unknown'],
    [
      "gcr.io/google-samples/hello-app:1.0",
      ["sh"],
      'exec: "sh": executable file not found in $PATH: unknown',
    ],
    ["nginx", ["/etc"], 'exec: "/etc": permission denied: unknown'],
  ])("%s %j is refused by the runtime", (image, argv, tail) => {
    const r = run(image, argv);
    expect(r.execFailed).toBe(true);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: /,
    );
    expect(r.stderr.endsWith(`${tail}\n`)).toBe(true);
  });

  it("keeps file changes and reports them", () => {
    const env = containerEnv({ image: "busybox" });
    exec(["sh", "-c", "mkdir -p /data/a && echo hi > /data/a/f && rm /etc/passwd"], env);
    const { upper } = env.fs.changes();
    expect(upper).toBeDefined();
    expect(env.fs.readFile("/data/a/f")).toBe("hi\n");
    expect(env.fs.exists("/etc/passwd")).toBe(false);
  });

  it("sleep takes virtual time; sleep infinity never ends", () => {
    expect(run("busybox", ["sleep", "5"]).elapsedMs).toBe(5000);
    expect(run("busybox", ["sleep", "infinity"]).stillRunning).toBe(true);
    expect(run("busybox", ["tail", "-f", "/etc/passwd"])).toMatchObject({ stillRunning: true });
  });

  it("scripts with a shebang run with the right interpreter", () => {
    const env = containerEnv({
      image: "busybox",
      upper: buildTree({ "/run.sh": { data: '#!/bin/sh\necho "$0 $1"\n', mode: 0o755 } }),
    });
    expect(exec(["/run.sh", "x"], env).stdout).toBe("/run.sh x\n");
  });
});
