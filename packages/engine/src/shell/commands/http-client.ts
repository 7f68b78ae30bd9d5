/** The HTTP client side shared by wget and curl. */
import type { ProgramContext } from "../program-context";
import type { HttpResponse } from "../types";

export interface ParsedUrl {
  scheme: "http" | "https";
  /** Host as written (no port). */
  host: string;
  port: number;
  /** Whether the URL spelled the port. */
  explicitPort: boolean;
  /** Path with query, starting with "/". */
  path: string;
}

export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#:]*|\[[^\]]*\])(?::(\d*))?([/?#].*)?$/s.exec(url);
  if (m === null) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") return undefined;
  const host = m[2] ?? "";
  if (host === "") return undefined;
  const port = m[3] !== undefined && m[3] !== "" ? Number(m[3]) : scheme === "https" ? 443 : 80;
  if (port > 65535) return undefined;
  let path = (m[4] ?? "/").replace(/#.*$/s, "");
  if (!path.startsWith("/")) path = `/${path}`;
  return { scheme, host, port, explicitPort: m[3] !== undefined && m[3] !== "", path };
}

export type FetchResult =
  | { ok: true; ip: string; response: HttpResponse; elapsedMs: number }
  | { ok: false; stage: "resolve"; error: "nxdomain" | "timeout" | "servfail"; elapsedMs: number }
  | {
      ok: false;
      stage: "connect";
      ip: string;
      error: "refused" | "timeout" | "bad-address" | "unreachable";
      elapsedMs: number;
    };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** How long the kernel keeps retrying a SYN before giving up (tcp_syn_retries=6). */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;
const DNS_TIMEOUT_MS = 10_000;

/** Resolves and connects; the time it took is returned, not yet charged to the clock. */
export function fetchUrl(
  ctx: ProgramContext,
  url: ParsedUrl,
  method: "GET" | "HEAD",
  timeoutMs: number,
  userAgent: string,
): FetchResult {
  let ip = url.host.replace(/^\[|\]$/g, "");
  let elapsed = 0;
  if (url.host === "localhost") ip = "127.0.0.1";
  else if (!IPV4.test(ip)) {
    const r = ctx.sys.net.resolve(url.host);
    if (!r.ok)
      return {
        ok: false,
        stage: "resolve",
        error: r.error,
        elapsedMs: r.error === "timeout" ? Math.min(timeoutMs, DNS_TIMEOUT_MS) : 1,
      };
    const first = r.addresses[0];
    if (first === undefined) return { ok: false, stage: "resolve", error: "nxdomain", elapsedMs: 1 };
    ip = first;
    elapsed += 1;
  }
  const limit = Math.min(timeoutMs, KERNEL_CONNECT_TIMEOUT_MS);
  const c = ctx.sys.net.connect(ip, url.port, limit);
  if (!c.ok) {
    const took = c.error === "timeout" ? limit : c.error === "unreachable" ? 3000 : 1;
    return { ok: false, stage: "connect", ip: c.address ?? ip, error: c.error, elapsedMs: elapsed + took };
  }
  const response = c.serve({
    method,
    host: url.host,
    port: url.port,
    path: url.path,
    userAgent,
    clientIp: podAddress(ctx),
  });
  return { ok: true, ip, response, elapsedMs: elapsed + 2 };
}

function podAddress(ctx: ProgramContext): string {
  const eth = ctx.sys.net.interfaces().find((i) => i.name.startsWith("eth0") && i.cidr !== undefined);
  return eth?.cidr?.split("/")[0] ?? "127.0.0.1";
}

/** Resolves a redirect Location against the current URL. */
export function resolveLocation(base: ParsedUrl, location: string): ParsedUrl | undefined {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return parseUrl(location);
  if (location.startsWith("/")) return { ...base, path: location };
  const dir = base.path.replace(/[^/]*$/, "");
  return { ...base, path: dir + location };
}

/** Case-insensitive header lookup. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
