import { describe, expect, it } from "vitest";
import { exec } from "./exec";
import { containerEnv, fakeNet, ok } from "./testing";

const net = fakeNet({
  names: { web: ["10.12.3.4"], slow: ["10.12.9.9"], db: ["10.12.5.5"] },
  listeners: {
    "10.12.3.4:80": ok("hello\n"),
    "10.12.3.4:8080": ok("<html>missing</html>", 404, "Not Found"),
    "10.12.9.9:80": "timeout",
    "10.12.5.5:6379": { kind: "not-http" },
  },
});

function run(image: string, argv: string[]) {
  return exec(argv, containerEnv({ image, net, cwd: "/tmp" }));
}

describe("busybox wget", () => {
  it.each<[string[], string, string, number]>([
    [["wget", "-qO-", "http://web"], "hello\n", "", 0],
    [
      ["wget", "-O-", "web"],
      "hello\n",
      "Connecting to web (10.12.3.4:80)\nwriting to stdout\n-                    100% |********************************|     6  0:00:00 ETA\nwritten to stdout\n",
      0,
    ],
    [
      ["wget", "http://web:81/"],
      "",
      "Connecting to web:81 (10.12.3.4:81)\nwget: can't connect to remote host (10.12.3.4): Connection refused\n",
      1,
    ],
    [["wget", "-q", "http://nope"], "", "wget: bad address 'nope'\n", 1],
    [["wget", "-qO-", "-T", "2", "http://slow"], "", "wget: download timed out\n", 1],
    [["wget", "-qO-", "http://web:8080/x"], "", "wget: server returned error: HTTP/1.1 404 Not Found\n", 1],
    [["wget", "--spider", "http://web"], "", "Connecting to web (10.12.3.4:80)\nremote file exists\n", 0],
    [["wget", "-qO-", "http://db:6379"], "", "wget: error getting response: Connection reset by peer\n", 1],
    [
      ["wget", "-S", "--spider", "http://web"],
      "",
      "Connecting to web (10.12.3.4:80)\n  HTTP/1.1 200 OK\n  Server: nginx/1.27.3\n  Content-Length: 6\n  \nremote file exists\n",
      0,
    ],
    [
      ["wget", "-qS", "-O-", "http://web:8080/x"],
      "",
      "  HTTP/1.1 404 Not Found\n  Server: nginx/1.27.3\n  Content-Length: 20\n  \nwget: server returned error: HTTP/1.1 404 Not Found\n",
      1,
    ],
  ])("%j", (argv, stdout, stderr, code) => {
    const r = run("busybox", argv);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it("saves index.html and refuses to overwrite it", () => {
    const env = containerEnv({ image: "busybox", net, cwd: "/tmp" });
    const first = exec(["wget", "http://web/"], env);
    expect(first.stderr).toBe(
      "Connecting to web (10.12.3.4:80)\nsaving to 'index.html'\nindex.html           100% |********************************|     6  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(env.fs.readFile("/tmp/index.html")).toBe("hello\n");
    const second = exec(["wget", "-q", "http://web/"], env);
    expect(second.stderr).toBe("wget: can't open 'index.html': File exists\n");
  });

  it("a timeout without -T waits for the kernel", () => {
    const r = run("busybox", ["wget", "-q", "http://slow"]);
    expect(r.stderr).toBe("wget: can't connect to remote host (10.12.9.9): Connection timed out\n");
    expect(r.elapsedMs).toBe(127_001);
  });
});

describe("curl", () => {
  it.each<[string[], string, string, number]>([
    [["curl", "-s", "http://web"], "hello\n", "", 0],
    [["curl", "-s", "web:81"], "", "", 7],
    [
      ["curl", "-sS", "web:81"],
      "",
      "curl: (7) Failed to connect to web port 81 after 2 ms: Couldn't connect to server\n",
      7,
    ],
    [["curl", "-sS", "http://nope"], "", "curl: (6) Could not resolve host: nope\n", 6],
    [
      ["curl", "-sS", "-m", "3", "http://slow"],
      "",
      "curl: (28) Connection timed out after 3002 milliseconds\n",
      28,
    ],
    [["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "web:8080"], "404", "", 0],
    [["curl", "-sf", "web:8080"], "", "", 22],
    [["curl", "-sS", "db:6379"], "", "curl: (52) Empty reply from server\n", 52],
    [["curl", "-sI", "web"], "HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Length: 6\r\n\r\n", "", 0],
  ])("%j", (argv, stdout, stderr, code) => {
    const r = run("nginx", argv);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it("shows the progress meter without -s (stdout is not a tty)", () => {
    const r = run("nginx", ["curl", "web"]);
    expect(
      r.stderr.startsWith(
        "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n",
      ),
    ).toBe(true);
    expect(r.stderr).toContain("100     6  100     6");
  });

  it("busybox has no curl", () => {
    expect(run("busybox", ["sh", "-c", "curl web"]).stderr).toBe("sh: curl: not found\n");
  });
});

describe("nslookup and ip", () => {
  it("resolves a service name", () => {
    expect(run("busybox", ["nslookup", "web"]).stdout).toBe(
      "Server:\t\t10.12.0.10\nAddress:\t10.12.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.12.3.4\n\n",
    );
  });

  it("reports NXDOMAIN for each search domain", () => {
    const env = containerEnv({ image: "busybox", net });
    env.fs.writeFile(
      "/etc/resolv.conf",
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.12.0.10\noptions ndots:5\n",
    );
    const r = exec(["nslookup", "nope"], env);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      "Server:\t\t10.12.0.10\nAddress:\t10.12.0.10:53\n\n** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n** server can't find nope.svc.cluster.local: NXDOMAIN\n\n** server can't find nope.cluster.local: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n",
    );
  });

  it("times out when DNS does not answer", () => {
    const r = exec(
      ["nslookup", "web"],
      containerEnv({ image: "busybox", net: fakeNet({ dnsTimeout: true }) }),
    );
    expect(r.stdout).toContain(";; connection timed out; no servers could be reached\n");
    expect(r.exitCode).toBe(1);
  });

  it.each([
    ["ip", "a"],
    ["ip", "addr"],
    ["ip", "address", "show"],
  ])("%s %s", (...argv) => {
    expect(run("busybox", argv).stdout).toBe(
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n2: eth0@if13: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1460 qdisc noqueue \n    link/ether 4a:1f:7c:2e:9b:01 brd ff:ff:ff:ff:ff:ff\n    inet 10.8.0.12/24 brd 10.8.0.255 scope global eth0\n       valid_lft forever preferred_lft forever\n",
    );
  });

  it("ip route prints the routes", () => {
    expect(run("busybox", ["ip", "r"]).stdout).toBe(
      "default via 10.8.0.1 dev eth0 \n10.8.0.0/24 via 10.8.0.1 dev eth0 src 10.8.0.12 \n",
    );
  });
});
