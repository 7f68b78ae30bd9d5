import type { ContainerFs } from "../fs/container-fs";

export type ShellFlavour = "busybox" | "dash" | "bash" | "none";

export interface ShellEnv {
  fs: ContainerFs;
  /** Container environment (PATH, HOSTNAME, KUBERNETES_*, user env). */
  env: Record<string, string>;
  /** The pod name. */
  hostname: string;
  cwd: string;
  flavour: ShellFlavour;
  /** Virtual clock, ms since epoch (for `date` and log timestamps). */
  now: number;
  net: NetworkAccess;
  /**
   * Ports the pod's other containers already listen on. Containers share one network namespace,
   * so a server that starts second cannot bind one of these (the kubelet fills it at start).
   */
  portsInUse?: readonly number[];
  /**
   * PID 1 of the container, for `kill` in a `kubectl exec` session: the signals sent to it, in
   * order, with the sender's pid. Absent while the main process itself starts.
   */
  mainProcess?: { signals: { signal: number; from: number }[] };
  /**
   * The container's stdin is open (`stdin: true`, as `kubectl run -i` makes it): a shell started
   * with no command waits on it instead of reading an empty input and exiting.
   */
  stdinOpen?: boolean;
}

export type ConnectResult =
  | { ok: true; serve: (req: HttpRequest) => HttpResponse }
  | { ok: false; error: "refused" | "timeout" | "bad-address" | "unreachable"; address?: string };

export type DnsResult =
  | {
      ok: true;
      /** The name that has the addresses, after the search path and any CNAMEs. */
      name: string;
      addresses: string[];
      /** CNAME records followed, `[alias, canonical]`. */
      cnames?: [string, string][];
    }
  | { ok: false; error: "nxdomain" | "timeout" | "servfail"; tried?: string[] };

/** Implemented by the engine core. */
export interface NetworkAccess {
  connect(host: string, port: number, timeoutMs: number): ConnectResult;
  resolve(name: string): DnsResult;
  /** For nslookup's "Server:" lines. */
  dnsServer(): { name: string; address: string };
  /** For `ip addr`. */
  interfaces(): {
    name: string;
    index: number;
    mac: string;
    mtu: number;
    cidr?: string;
    peerIndex?: number;
    /** The host end of the veth pair, in the node's root namespace. */
    peerName?: string;
  }[];
  /** Lines of `ip route`. */
  routes(): string[];
}

export type HttpRequest = {
  method: "GET" | "HEAD";
  host: string;
  port: number;
  path: string;
  /** Optional extras for access logs. */
  clientIp?: string;
  userAgent?: string;
};

export type HttpResponse =
  | {
      kind: "http";
      status: number;
      reason: string;
      headers: Record<string, string>;
      body: string;
      /** The line the server would write to its log for this request, if any. */
      log?: string;
    }
  | { kind: "not-http" };

export type ServerKind = "nginx" | "httpd" | "hello-app" | "python-http" | "redis" | "dns" | "metrics";

export interface Listener {
  port: number;
  protocol: "TCP";
  server: ServerKind;
  /** Document root for static servers. */
  root?: string;
  /** Server version for headers and answers (e.g. "1.27.3", hello-app "1.0.0"). */
  version?: string;
}

export type ProcessOutcome =
  | { kind: "running"; listens: Listener[]; logs: string }
  | { kind: "exited"; exitCode: number; afterMs: number; logs: string }
  | { kind: "start-error"; message: string };

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  elapsedMs: number;
  /**
   * True when the runtime refused to start the command (e.g. executable not found): kubectl
   * prints `stderr` as its own error and exits 1, without "command terminated with exit code".
   */
  execFailed?: boolean;
  /** True when the command never finishes (a server, `sleep infinity`, `tail -f`): output so far. */
  stillRunning?: boolean;
  /** Servers the command started (they would listen until the exec session ends). */
  listens?: Listener[];
}
