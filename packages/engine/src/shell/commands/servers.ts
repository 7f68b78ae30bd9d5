/** Server programs: nginx (+ its entrypoint), httpd, redis, hello-app, python. */

import { isFsError } from "../../fs/fs-error";
import { NGINX_DEFAULT_CONF } from "../../images/nginx-files";
import type { Program, ProgramContext } from "../program-context";
import type { Listener } from "../types";
import { ctime, dayName, monthName, pad, utcParts } from "./common";
import { firstPortInUse } from "./port-in-use";
import { formatDate, podIp } from "./system";

const NGINX_CONF_FILES = ["/etc/nginx/nginx.conf"];

let stampMs = Number.NaN;
let stampText = "";

/** nginx's log time; many servers start at one virtual instant, so format each instant once. */
function stamp(ctx: ProgramContext): string {
  const ms = ctx.rt.now();
  if (ms !== stampMs) {
    stampText = formatDate("%Y/%m/%d %H:%M:%S", ms);
    stampMs = ms;
  }
  return stampText;
}

function readOr(ctx: ProgramContext, path: string): string | undefined {
  try {
    return ctx.fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** Listen ports and document root from nginx.conf and conf.d/*.conf. */
export function nginxConfig(ctx: ProgramContext): { ports: number[]; root: string } {
  const texts: string[] = [];
  for (const f of NGINX_CONF_FILES) texts.push(readOr(ctx, f) ?? "");
  try {
    for (const n of ctx.fs.readdir("/etc/nginx/conf.d"))
      if (n.endsWith(".conf")) texts.push(readOr(ctx, `/etc/nginx/conf.d/${n}`) ?? "");
  } catch {}
  // Keyed text by text (a trie of maps), not by the texts joined: the image's own files are shared
  // strings whose hashes are computed once, where a joined key is a new long string every start.
  if (configCount > 100) {
    PARSED_CONFIGS = { next: new Map() };
    configCount = 0;
  }
  let node = PARSED_CONFIGS;
  for (const text of texts) {
    let next = node.next.get(text);
    if (next === undefined) {
      next = { next: new Map() };
      node.next.set(text, next);
      configCount++;
    }
    node = next;
  }
  node.parsed ??= parseNginxConfig(texts);
  return { ports: [...node.parsed.ports], root: node.parsed.root };
}

interface ConfigNode {
  readonly next: Map<string, ConfigNode>;
  parsed?: { ports: readonly number[]; root: string };
}

// Every nginx pod starts with the image's own configuration: parse each distinct set of texts once.
let PARSED_CONFIGS: ConfigNode = { next: new Map() };
let configCount = 0;

function parseNginxConfig(texts: string[]): { ports: number[]; root: string } {
  const text = texts.map((t) => t.replace(/#.*$/gm, "")).join("\n");
  const ports = new Set<number>();
  for (const m of text.matchAll(/\blisten\s+(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\*|localhost):)?(\d+)\b[^;]*;/g))
    ports.add(Number(m[1]));
  const root = /\broot\s+([^;\s]+)\s*;/.exec(text)?.[1] ?? "/usr/share/nginx/html";
  return { ports: ports.size > 0 ? [...ports] : [80], root: root.replace(/\/$/, "") || "/" };
}

export const nginx: Program = (ctx) => {
  const version = ctx.env.NGINX_VERSION ?? "1.27.3";
  const args = ctx.argv.slice(1);
  if (args.includes("-v") || args.includes("-V")) {
    ctx.io.err.write(`nginx version: nginx/${version}\n`);
    if (args.includes("-V"))
      ctx.io.err.write(
        "built by gcc 12.2.0 (Debian 12.2.0-14) \nbuilt with OpenSSL 3.0.11 19 Sep 2023 (running with OpenSSL 3.0.15 3 Sep 2024)\nTLS SNI support enabled\n",
      );
    return 0;
  }
  if (args.includes("-t") || args.includes("-T")) {
    ctx.io.err.write(
      "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n",
    );
    return 0;
  }
  const sig = args.indexOf("-s");
  if (sig >= 0) {
    ctx.io.err.write(
      `${stamp(ctx)} [notice] ${ctx.rt.nextPid() + 40}#${ctx.rt.nextPid() + 40}: signal process started\n`,
    );
    return 0;
  }
  const { ports, root } = nginxConfig(ctx);
  const busy = firstPortInUse(ctx, ports);
  if (busy !== undefined) {
    for (let i = 0; i < 5; i++)
      ctx.io.err.write(
        `${stamp(ctx)} [emerg] 1#1: bind() to 0.0.0.0:${busy} failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:${busy} failed (98: Address already in use)\n`,
      );
    ctx.io.err.write(
      `${stamp(ctx)} [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n`,
    );
    return 1;
  }
  const g = args.indexOf("-g");
  const daemonOff = g >= 0 && /daemon\s+off\s*;/.test(args[g + 1] ?? "");
  const s = stamp(ctx);
  ctx.io.err.write(
    `${s} [notice] 1#1: using the "epoll" event method\n${s} [notice] 1#1: nginx/${version}\n${s} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) \n${s} [notice] 1#1: OS: Linux 6.6.56+\n${s} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576\n`,
  );
  if (!daemonOff) return 0;
  ctx.io.err.write(
    `${s} [notice] 1#1: start worker processes\n${s} [notice] 1#1: start worker process 29\n${s} [notice] 1#1: start worker process 30\n`,
  );
  return ctx.rt.serve(
    ports.map((port): Listener => ({ port, protocol: "TCP", server: "nginx", root, version })),
  );
};

/** /docker-entrypoint.sh of the nginx image. */
export const nginxEntrypoint: Program = (ctx) => {
  const me = ctx.argv[0] ?? "/docker-entrypoint.sh";
  const first = ctx.argv[1];
  const log = (line: string): void => {
    if (!ctx.env.NGINX_ENTRYPOINT_QUIET_LOGS) ctx.io.out.write(`${line}\n`);
  };
  if (first === "nginx" || first === "nginx-debug") {
    let scripts: string[] = [];
    try {
      scripts = ctx.fs.readdir("/docker-entrypoint.d");
    } catch {}
    if (scripts.length === 0) log(`${me}: No files found in /docker-entrypoint.d/, skipping configuration`);
    else {
      log(`${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`);
      log(`${me}: Looking for shell scripts in /docker-entrypoint.d/`);
      for (const script of scripts) {
        if (script.endsWith(".envsh")) log(`${me}: Sourcing /docker-entrypoint.d/${script}`);
        else if (script.endsWith(".sh")) log(`${me}: Launching /docker-entrypoint.d/${script}`);
        else log(`${me}: Ignoring /docker-entrypoint.d/${script}`);
        if (script === "10-listen-on-ipv6-by-default.sh") ipv6Step(ctx, log);
      }
      log(`${me}: Configuration complete; ready for start up`);
    }
  }
  if (ctx.argv.length < 2) return 0;
  return ctx.rt.spawn(ctx.argv.slice(1), ctx, (name) => `${me}: exec: line 47: ${name}: not found\n`);
};

/** default.conf as 10-listen-on-ipv6-by-default.sh leaves it: one text, shared by every nginx container. */
const NGINX_IPV6_CONF = NGINX_DEFAULT_CONF.replace(
  "    listen       80;\n",
  "    listen       80;\n    listen  [::]:80;\n",
);

function ipv6Step(ctx: ProgramContext, log: (line: string) => void): void {
  const me = "10-listen-on-ipv6-by-default.sh";
  const file = "/etc/nginx/conf.d/default.conf";
  const conf = readOr(ctx, file);
  if (conf === undefined) {
    log(`${me}: info: ${file} is not a file or does not exist`);
    return;
  }
  log(`${me}: info: Getting the checksum of ${file}`);
  if (conf !== NGINX_DEFAULT_CONF) {
    log(`${me}: info: ${file} differs from the packaged version`);
    return;
  }
  try {
    ctx.fs.writeFile(file, NGINX_IPV6_CONF);
    log(`${me}: info: Enabled listen on IPv6 in ${file}`);
  } catch (e) {
    if (!isFsError(e)) throw e;
    log(`${me}: info: can not modify ${file} (read-only file system?)`);
  }
}

/** httpd's error-log time: `Wed Dec 02 18:00:00.000000 2026`. */
export function httpdTime(ms: number): string {
  const t = utcParts(ms);
  return `${dayName(t.wd)} ${monthName(t.mo)} ${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.${pad(t.us, 6)} ${t.y}`;
}

/** redis's log time: `02 Dec 2026 18:00:00.000`. */
export function redisTime(ms: number): string {
  const t = utcParts(ms);
  return `${pad(t.d)} ${monthName(t.mo)} ${t.y} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.${pad(Math.floor(t.us / 1000), 3)}`;
}

export const httpd: Program = (ctx) => {
  const version = ctx.env.HTTPD_VERSION ?? "2.4.62";
  const args = ctx.argv.slice(1);
  if (args.includes("-v") || args.includes("-V")) {
    ctx.io.out.write(`Server version: Apache/${version} (Unix)\nServer built:   Oct 25 2024 18:23:14\n`);
    return 0;
  }
  const conf = (readOr(ctx, "/usr/local/apache2/conf/httpd.conf") ?? "").replace(/^\s*#.*$/gm, "");
  const ports = [...conf.matchAll(/^\s*Listen\s+(?:[\d.]+:)?(\d+)/gm)].map((m) => Number(m[1]));
  const root = /^\s*DocumentRoot\s+"?([^"\n]+)"?/m.exec(conf)?.[1] ?? "/usr/local/apache2/htdocs";
  const ip = podIp(ctx) ?? "127.0.0.1";
  const when = httpdTime(ctx.rt.now());
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  ctx.io.err.write(fqdn + fqdn);
  const foreground = args.some(
    (a, i) => a === "-DFOREGROUND" || (a === "-D" && args[i + 1] === "FOREGROUND"),
  );
  const listen = ports.length > 0 ? ports : [80];
  const busy = firstPortInUse(ctx, listen);
  if (busy !== undefined) {
    ctx.io.err.write(
      `(98)Address already in use: AH00072: make_sock: could not bind to address [::]:${busy}\n(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${busy}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`,
    );
    return 1;
  }
  if (!foreground) return 0;
  ctx.io.err.write(
    `[${when}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n[${when}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`,
  );
  return ctx.rt.serve(
    listen.map(
      (port): Listener => ({
        port,
        protocol: "TCP",
        server: "httpd",
        root: root.replace(/\/$/, ""),
        version,
      }),
    ),
  );
};

export const redisServer: Program = (ctx) => {
  const version = ctx.env.REDIS_VERSION ?? "7.4.1";
  const args = ctx.argv.slice(1);
  if (args.includes("--version") || args.includes("-v")) {
    ctx.io.out.write(
      `Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=d3a1d9e5c6f8e2b1\n`,
    );
    return 0;
  }
  const p = args.indexOf("--port");
  const port = p >= 0 ? Number(args[p + 1] ?? "6379") : 6379;
  const ts = redisTime(ctx.rt.now());
  ctx.io.out.write(
    `${[
      `1:C ${ts} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
      `1:C ${ts} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${ts} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:C ${ts} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${ts} * monotonic clock: POSIX clock_gettime`,
      `1:M ${ts} * Running mode=standalone, port=${port}.`,
    ].join("\n")}\n`,
  );
  if (firstPortInUse(ctx, [port]) !== undefined) {
    ctx.io.out.write(
      `1:M ${ts} # Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use\n1:M ${ts} # Failed listening on port ${port} (tcp), aborting.\n`,
    );
    return 1;
  }
  ctx.io.out.write(`1:M ${ts} * Server initialized\n1:M ${ts} * Ready to accept connections tcp\n`);
  return ctx.rt.serve([{ port, protocol: "TCP", server: "redis", version }]);
};

/** docker-entrypoint.sh of the redis image. */
export const redisEntrypoint: Program = (ctx) => {
  let argv = ctx.argv.slice(1);
  const first = argv[0] ?? "";
  if (first.startsWith("-") || first.endsWith(".conf")) argv = ["redis-server", ...argv];
  if (argv.length === 0) return 0;
  return ctx.rt.spawn(
    argv,
    ctx,
    (name) => `/usr/local/bin/docker-entrypoint.sh: 23: exec: ${name}: not found\n`,
  );
};

export const redisCli: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  let host = "127.0.0.1";
  let port = 6379;
  const cmd: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-h") host = args[++i] ?? host;
    else if (args[i] === "-p") port = Number(args[++i] ?? port);
    else cmd.push(args[i] as string);
  }
  const c = ctx.sys.net.connect(host, port, 10_000);
  if (!c.ok) {
    ctx.io.out.write(
      `Could not connect to Redis at ${host}:${port}: ${c.error === "refused" ? "Connection refused" : c.error === "timeout" ? "Connection timed out" : "No route to host"}\n`,
    );
    return 1;
  }
  const verb = (cmd[0] ?? "").toLowerCase();
  if (verb === "ping") ctx.io.out.write(`${cmd[1] ?? "PONG"}\n`);
  else if (verb === "") ctx.io.out.write("");
  else
    ctx.io.out.write(
      `(error) ERR unknown command '${cmd[0]}', with args beginning with: ${cmd
        .slice(1)
        .map((a) => `'${a}' `)
        .join("")}\n`,
    );
  return 0;
};

export function helloApp(version: string): (ctx: ProgramContext) => number {
  return (ctx) => {
    const port = Number(ctx.env.PORT ?? "8080") || 8080;
    ctx.io.err.write(`${stamp(ctx)} Server listening on port ${port}\n`);
    if (firstPortInUse(ctx, [port]) !== undefined) {
      ctx.io.err.write(`${stamp(ctx)} listen tcp :${port}: bind: address already in use\n`);
      return 1;
    }
    return ctx.rt.serve([{ port, protocol: "TCP", server: "hello-app", version }]);
  };
}

export const pythonVersion = (ctx: ProgramContext): string => ctx.env.PYTHON_VERSION ?? "3.13.0";

export { ctime };
