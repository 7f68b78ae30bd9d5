import { createCluster } from "@kubejam/engine";
import { run, runKj } from "@kubejam/kubectl";
import { describe, expect, it } from "vitest";
import {
  endSessionWords,
  exitStatus,
  interactiveRun,
  interactiveShell,
  isExit,
  lineWords,
  probeWords,
  sessionPrompt,
  splitOutput,
  startSession,
  withoutExitTrailer,
} from "./container-session";

describe("interactiveShell", () => {
  it.each([
    ["exec -it web -- sh", { pod: "web", shell: "sh" }],
    ["exec -ti web -c nginx -- /bin/bash", { pod: "web", container: "nginx", shell: "/bin/bash" }],
    ["exec --stdin --tty -n team web -- ash", { pod: "web", namespace: "team", shell: "ash" }],
    ["exec -i -t web --container=side -- /bin/sh", { pod: "web", container: "side", shell: "/bin/sh" }],
    // Read as kubectl reads a command line: global flags before the command, grouped shorthands.
    ["-n team exec -it web -- sh", { pod: "web", namespace: "team", shell: "sh" }],
    ["exec -itc side web -- sh", { pod: "web", container: "side", shell: "sh" }],
    ["exec -it web --bogus -- sh", undefined],
    ["exec -it web -- ls /", undefined],
    ["exec web -- sh", undefined],
    ["exec -it web -- sh -c date", undefined],
    ["get pods", undefined],
  ])("%s", (line, expected) => {
    expect(interactiveShell(line.split(" "))).toEqual(expected);
  });
});

describe("interactiveRun", () => {
  it.each([
    [
      "run debug -it --rm --image=busybox:1.36 -- sh",
      {
        target: { pod: "debug", container: "debug", shell: "sh" },
        createWords: ["run", "debug", "-it", "--image=busybox:1.36", "--attach=false", "--", "sh"],
        remove: true,
        restart: "Always",
      },
    ],
    [
      "run tmp -i -t --image alpine --restart=Never -n team",
      {
        target: { pod: "tmp", container: "tmp", shell: "sh", namespace: "team" },
        createWords: [
          "run",
          "tmp",
          "-i",
          "-t",
          "--image",
          "alpine",
          "--restart=Never",
          "-n",
          "team",
          "--attach=false",
        ],
        remove: false,
        restart: "Never",
      },
    ],
    [
      "--namespace=team run box --stdin=true -t --image busybox",
      {
        target: { pod: "box", container: "box", shell: "sh", namespace: "team" },
        createWords: [
          "run",
          "--namespace=team",
          "box",
          "--stdin=true",
          "-t",
          "--image",
          "busybox",
          "--attach=false",
        ],
        remove: false,
        restart: "Always",
      },
    ],
    ["run web -it --image=nginx", undefined],
    ["run dns -it --rm --image=busybox -- nslookup web", undefined],
    ["run sleeper --image=busybox -- sh", undefined],
  ])("%s", (line, expected) => {
    expect(interactiveRun(line.split(" "))).toEqual(expected);
  });
});

describe("a shell session on the real engine", () => {
  function cluster(): {
    kubectl: (words: string[]) => ReturnType<typeof run>;
    kj: (words: string[]) => ReturnType<typeof runKj>;
  } {
    const created = createCluster({ seed: 7 });
    if (!created.ok) throw new Error(created.errors.join("\n"));
    const box = { state: created.state };
    const kubectl = (words: string[]) => {
      const r = run(box.state, words);
      box.state = r.state;
      return r;
    };
    kubectl(["run", "bb", "--image=busybox:1.36", "--", "sleep", "3600"]);
    kubectl(["run", "web", "--image=nginx:1.27"]);
    const kj = (words: string[]) => {
      const r = runKj(box.state, words);
      box.state = r.state;
      return r;
    };
    return { kubectl, kj };
  }

  it("starts where the image's working directory is, keeps cd, and shows each shell's prompt", () => {
    const { kubectl } = cluster();
    const target = interactiveShell(["exec", "-it", "bb", "--", "sh"]);
    if (!target) throw new Error("no target");
    const probe = kubectl(probeWords(target));
    expect(probe.exitCode).toBe(0);
    let session = startSession(target, probe.stdout);
    expect(sessionPrompt(session)).toBe("/ # ");
    const cd = kubectl(lineWords(session, "cd /etc && echo moved"));
    const split = splitOutput(cd.stdout);
    expect(split).toMatchObject({ output: "moved\n", cwd: "/etc" });
    session = { ...session, cwd: split.cwd ?? session.cwd };
    expect(sessionPrompt(session)).toBe("/etc # ");
    const cat = kubectl(lineWords(session, "cat hostname nope | wc -l"));
    expect(splitOutput(cat.stdout)).toMatchObject({ output: "1\n", cwd: "/etc" });
    expect(withoutExitTrailer(cat.stderr)).toBe("cat: can't open 'nope': No such file or directory\n");

    const nginx = interactiveShell(["exec", "-it", "web", "--", "sh"]);
    if (!nginx) throw new Error("no target");
    expect(sessionPrompt(startSession(nginx, kubectl(probeWords(nginx)).stdout))).toBe("# ");
    const bash = interactiveShell(["exec", "-it", "web", "--", "bash"]);
    if (!bash) throw new Error("no target");
    expect(sessionPrompt(startSession(bash, kubectl(probeWords(bash)).stdout))).toBe("root@web:/# ");
  });

  it("carries variables, exports and $? from one line to the next, as one shell would", () => {
    const { kubectl } = cluster();
    for (const shell of ["sh", "bash"]) {
      const target = interactiveShell(["exec", "-it", shell === "sh" ? "bb" : "web", "--", shell]);
      if (!target) throw new Error("no target");
      let session = startSession(target, kubectl(probeWords(target)).stdout);
      const line = (text: string) => {
        const r = kubectl(lineWords(session, text));
        const split = splitOutput(r.stdout);
        session = {
          ...session,
          cwd: split.cwd ?? session.cwd,
          status: r.exitCode,
          ...(split.vars !== undefined ? { vars: split.vars } : {}),
        };
        return split.output;
      };
      expect(line(`NAME="it's me"; export GREETING=hello; cd /etc`)).toBe("");
      expect(line('echo "$NAME in $PWD"')).toBe("it's me in /etc\n");
      // Exported: a child process sees it; a plain variable it does not.
      expect(line(`sh -c 'echo "[$GREETING][$NAME]"'`)).toBe("[hello][]\n");
      expect(line("cat /nope 2>/dev/null")).toBe("");
      expect(line("echo $?")).toBe("1\n");
      expect(line("echo $?")).toBe("0\n");
      // The line's own positional parameters are empty, as at a prompt.
      expect(line('echo "[$1]"')).toBe("[]\n");
      expect(line('unset NAME; echo "[$NAME]"')).toBe("[]\n");
      expect(line('echo "[$NAME]"')).toBe("[]\n");
    }
  });

  it("kubectl run -it makes a pod whose shell waits for input, and the session runs in it", () => {
    const { kubectl } = cluster();
    const run = interactiveRun("run debug -it --rm --image=busybox:1.36 -- sh".split(" "));
    if (!run) throw new Error("no run");
    const created = kubectl(run.createWords);
    expect(created).toMatchObject({ exitCode: 0, stdout: "pod/debug created\n" });
    // The shell has stdin: it keeps running instead of ending at once.
    expect(kubectl(["get", "pod", "debug"]).stdout).toMatch(/debug\s+1\/1\s+Running\s+0/);
    const session = startSession(run.target, kubectl(probeWords(run.target)).stdout);
    expect(sessionPrompt(session)).toBe("/ # ");
    expect(splitOutput(kubectl(lineWords(session, "hostname")).stdout).output).toBe("debug\n");
  });

  it("exit in a kubectl run -it shell ends the container's shell: restarted with Always, Completed with Never", () => {
    const { kubectl, kj } = cluster();
    const always = interactiveRun("run debug -it --image=busybox:1.36 -- sh".split(" "));
    if (!always) throw new Error("no run");
    kubectl(always.createWords);
    const session = startSession(always.target, kubectl(probeWords(always.target)).stdout);
    expect(kj(endSessionWords(session, exitStatus("exit")))).toMatchObject({ exitCode: 0 });
    // A new shell at once, its stdin open again: Running, one restart.
    expect(kubectl(["get", "pod", "debug"]).stdout).toMatch(/debug\s+1\/1\s+Running\s+1 \(\d+s ago\)/);

    const never = interactiveRun("run once -it --restart=Never --image=busybox:1.36 -- sh".split(" "));
    if (!never) throw new Error("no run");
    kubectl(never.createWords);
    const second = startSession(never.target, kubectl(probeWords(never.target)).stdout);
    kj(endSessionWords(second, exitStatus("exit 3")));
    expect(kubectl(["get", "pod", "once"]).stdout).toMatch(/once\s+0\/1\s+Error\s+0/);
    // Not a shell reading a terminal: nothing to end.
    expect(kj(["end-session", "bb"])).toMatchObject({
      exitCode: 1,
      stderr: "error: container bb of pod bb does not read a terminal\n",
    });
  });

  it("a missing pod gives kubectl's error and no session", () => {
    const { kubectl } = cluster();
    const target = interactiveShell(["exec", "-it", "nope", "--", "sh"]);
    if (!target) throw new Error("no target");
    const probe = kubectl(probeWords(target));
    expect(probe.exitCode).toBe(1);
    expect(probe.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it("exit and logout leave; other lines do not", () => {
    expect(["exit", " exit 3 ", "logout"].every(isExit)).toBe(true);
    expect(["exit now", "echo exit", "exited"].some(isExit)).toBe(false);
  });
});
