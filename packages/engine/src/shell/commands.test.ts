import { describe, expect, it } from "vitest";
import { exec } from "./exec";
import { containerEnv } from "./testing";

function sh(image: string, script: string) {
  return exec(["sh", "-c", script], containerEnv({ image }));
}

describe("file and text commands (busybox)", () => {
  it.each<[string, string, string, number]>([
    ["cat /x", "", "cat: can't open '/x': No such file or directory\n", 1],
    ["cat /etc", "", "cat: read error: Is a directory\n", 1],
    ["ls /x", "", "ls: /x: No such file or directory\n", 1],
    ["ls /home /mnt", "/home:\n\n/mnt:\n", "", 0],
    ["mkdir /tmp/a/b", "", "mkdir: can't create directory '/tmp/a/b': No such file or directory\n", 1],
    ["mkdir /tmp", "", "mkdir: can't create directory '/tmp': File exists\n", 1],
    ["mkdir -p /tmp/a/b && ls /tmp/a", "b\n", "", 0],
    ["touch /x/y", "", "touch: /x/y: No such file or directory\n", 1],
    ["rm /x", "", "rm: can't remove '/x': No such file or directory\n", 1],
    ["rm -f /x", "", "", 0],
    ["rm /etc", "", "rm: '/etc' is a directory\n", 1],
    ["rm -r /etc && ls /etc", "", "ls: /etc: No such file or directory\n", 1],
    ["cp /x /tmp", "", "cp: can't stat '/x': No such file or directory\n", 1],
    ["cp /etc /tmp", "", "cp: omitting directory '/etc'\n", 1],
    ["cp /etc/passwd /tmp && ls /tmp", "passwd\n", "", 0],
    ["cp -r /etc /tmp/e && ls /tmp/e | head -2", "group\npasswd\n", "", 0],
    ["mv /x /y", "", "mv: can't rename '/x': No such file or directory\n", 1],
    [
      "mv /etc/passwd /tmp/p && cat /etc/passwd",
      "",
      "cat: can't open '/etc/passwd': No such file or directory\n",
      1,
    ],
    ["printf 'a\\nb\\nc\\n' | head -n 2", "a\nb\n", "", 0],
    ["printf 'a\\nb\\nc\\n' | tail -1", "c\n", "", 0],
    ["head /x", "", "head: /x: No such file or directory\n", 1],
    ["tail /x", "", "tail: can't open '/x': No such file or directory\n", 1],
    ["printf 'a b\\nc\\n' | wc", "        2         3         6\n", "", 0],
    ["wc -l /etc/group", "26 /etc/group\n", "", 0],
    ["grep root /etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", "", 0],
    ["grep -c nologin /etc/passwd; grep -q nope /etc/passwd; echo $?", "0\n1\n", "", 0],
    ["grep -n -i ROOT /etc/group | head -1", "1:root:x:0:\n", "", 0],
    ["grep x /nope", "", "grep: /nope: No such file or directory\n", 2],
    ["echo hello | grep -E 'h(e|a)llo'", "hello\n", "", 0],
    ["seq 3 | sort -r", "3\n2\n1\n", "", 0],
    ["basename /a/b.txt .txt; dirname /a/b.txt", "b\n/a\n", "", 0],
    ["hostname; whoami; id", "web-7d9f\nroot\nuid=0(root) gid=0(root) groups=0(root),10(wheel)\n", "", 0],
    ["date; date +%Y-%m-%dT%H:%M:%S", "Mon Nov 25 04:58:01 UTC 2024\n2024-11-25T04:58:01\n", "", 0],
    ["printenv HOSTNAME; printenv NOPE; echo $?", "web-7d9f\n1\n", "", 0],
    ["env | grep ^HOSTNAME", "HOSTNAME=web-7d9f\n", "", 0],
    ["sleep abc", "", "sleep: invalid number 'abc'\n", 1],
    ["busybox foo", "", "foo: applet not found\n", 127],
    ["echo a > /tmp/f; cat /tmp/f /tmp/f | uniq", "", "sh: uniq: not found\n", 127],
  ])("%s", (script, stdout, stderr, code) => {
    const r = sh("busybox", script);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });
});

describe("GNU tools (Debian images)", () => {
  it.each<[string, string, string, number]>([
    ["cat /x", "", "cat: /x: No such file or directory\n", 1],
    ["ls /x", "", "ls: cannot access '/x': No such file or directory\n", 2],
    ["mkdir /tmp", "", "mkdir: cannot create directory '/tmp': File exists\n", 1],
    ["touch /x/y", "", "touch: cannot touch '/x/y': No such file or directory\n", 1],
    ["rm /x", "", "rm: cannot remove '/x': No such file or directory\n", 1],
    ["rm /etc", "", "rm: cannot remove '/etc': Is a directory\n", 1],
    ["cp /etc /tmp", "", "cp: -r not specified; omitting directory '/etc'\n", 1],
    ["mv /x /y", "", "mv: cannot stat '/x': No such file or directory\n", 1],
    ["head /x", "", "head: cannot open '/x' for reading: No such file or directory\n", 1],
    ["ls /usr/share/nginx/html", "50x.html\nindex.html\n", "", 0],
    [
      "ls -l /usr/share/nginx/html",
      "total 8\n-rw-r--r-- 1 root root 497 Nov 25 04:58 50x.html\n-rw-r--r-- 1 root root 615 Nov 25 04:58 index.html\n",
      "",
      0,
    ],
    ["nginx -v", "", "nginx version: nginx/1.29.3\n", 0],
    [
      "nginx -t",
      "",
      "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n",
      0,
    ],
    ["wget http://x", "", "sh: 1: wget: not found\n", 127],
    ["uname -r", "6.6.56+\n", "", 0],
  ])("%s", (script, stdout, stderr, code) => {
    const r = sh("nginx", script);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it("python --version and a missing script", () => {
    expect(exec(["python3", "--version"], containerEnv({ image: "python:3.12" })).stdout).toBe(
      "Python 3.12.7\n",
    );
    const r = exec(["python3", "app.py"], containerEnv({ image: "python:3", cwd: "/" }));
    expect(r.stderr).toBe("python3: can't open file '/app.py': [Errno 2] No such file or directory\n");
    expect(r.exitCode).toBe(2);
  });

  it("GNU quotes use ‘’ in a UTF-8 locale (python images set LANG=C.UTF-8)", () => {
    expect(sh("python:3", "mkdir /tmp").stderr).toBe(
      "mkdir: cannot create directory \u2018/tmp\u2019: File exists\n",
    );
  });
});
