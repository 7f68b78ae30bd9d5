/** busybox nslookup and ip. */
import type { Program, ProgramContext } from "../program-context";

function searchDomains(ctx: ProgramContext): { search: string[]; ndots: number } {
  try {
    const conf = ctx.fs.readFile("/etc/resolv.conf");
    const search = /^search\s+(.+)$/m.exec(conf)?.[1]?.trim().split(/\s+/) ?? [];
    const ndots = Number(/ndots:(\d+)/.exec(conf)?.[1] ?? "1");
    return { search, ndots };
  } catch {
    return { search: [], ndots: 1 };
  }
}

export const nslookup: Program = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith("-"));
  const name = args[0];
  if (name === undefined) {
    ctx.io.err.write(
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr\n",
    );
    return 1;
  }
  const server = ctx.sys.net.dnsServer();
  ctx.io.out.write(`Server:\t\t${server.address}\nAddress:\t${server.address}:53\n\n`);
  const r = ctx.sys.net.resolve(name);
  if (!r.ok) {
    if (r.error === "timeout") {
      ctx.rt.advance(15_000);
      ctx.io.out.write(";; connection timed out; no servers could be reached\n\n");
      return 1;
    }
    ctx.rt.advance(1);
    if (r.error === "servfail") {
      ctx.io.out.write(`** server can't find ${r.tried?.[0] ?? name}: SERVFAIL\n\n`);
      return 1;
    }
    const { search, ndots } = searchDomains(ctx);
    const dots = (name.match(/\./g) ?? []).length;
    const tried = name.endsWith(".")
      ? [name.slice(0, -1)]
      : dots >= ndots
        ? [name, ...search.map((d) => `${name}.${d}`)]
        : [...search.map((d) => `${name}.${d}`), name];
    ctx.io.out.write(tried.map((n) => `** server can't find ${n}: NXDOMAIN\n\n`).join(""));
    return 1;
  }
  ctx.rt.advance(1);
  for (const [alias, canonical] of r.cnames ?? [])
    ctx.io.out.write(`${alias}\tcanonical name = ${canonical}\n`);
  for (const address of r.addresses) ctx.io.out.write(`Name:\t${r.name}\nAddress: ${address}\n`);
  ctx.io.out.write("\n");
  return 0;
};

function broadcast(cidr: string): string | undefined {
  const [ip, bitsText] = cidr.split("/");
  const octets = (ip ?? "").split(".").map(Number);
  const bits = Number(bitsText);
  if (octets.length !== 4 || Number.isNaN(bits)) return undefined;
  const value = octets.reduce((a, o) => a * 256 + o, 0);
  const host = bits >= 32 ? 0 : 2 ** (32 - bits) - 1;
  const b = value - (value % (host + 1)) + host;
  return [24, 16, 8, 0].map((s) => Math.floor(b / 2 ** s) % 256).join(".");
}

function addrLines(ctx: ProgramContext, withAddresses: boolean): string {
  let out = "";
  for (const i of ctx.sys.net.interfaces()) {
    const name = i.peerIndex !== undefined ? `${i.name}@if${i.peerIndex}` : i.name;
    if (i.name === "lo") {
      out += `${i.index}: lo: <LOOPBACK,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n`;
      if (withAddresses)
        out += "    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n";
      continue;
    }
    out += `${i.index}: ${name}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu ${i.mtu} qdisc noqueue \n    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff\n`;
    if (withAddresses && i.cidr !== undefined) {
      const brd = broadcast(i.cidr);
      out += `    inet ${i.cidr}${brd ? ` brd ${brd}` : ""} scope global ${i.name}\n       valid_lft forever preferred_lft forever\n`;
    }
  }
  return out;
}

export const ip: Program = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !/^-(4|6|o|c|color)$/.test(a));
  const object = args[0] ?? "";
  const usage = (): number => {
    ctx.io.err.write(
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n",
    );
    return 1;
  };
  if (object === "") return usage();
  const is = (full: string): boolean => full.startsWith(object);
  if (is("address") || object === "a" || object === "addr") {
    ctx.io.out.write(addrLines(ctx, true));
    return 0;
  }
  if (is("link")) {
    ctx.io.out.write(addrLines(ctx, false));
    return 0;
  }
  if (is("route") || object === "r") {
    ctx.io.out.write(
      ctx.sys.net
        .routes()
        .map((l) => `${l}\n`)
        .join(""),
    );
    return 0;
  }
  if (is("neigh")) return 0;
  ctx.io.err.write(`ip: unknown command '${object}'\n`);
  return 1;
};
