import { describe, expect, it } from "vitest";
import { FlagSet, type FlagSpec, parseFlags } from "./flag-set";

const SPECS: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "output", short: "o", type: "string" },
  { name: "stdin", short: "i", type: "bool" },
  { name: "tty", short: "t", type: "bool" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "dry-run", type: "string", noOptDefVal: "unchanged" },
  { name: "replicas", type: "int32" },
  { name: "grace-period", type: "int" },
  { name: "timeout", type: "duration" },
  { name: "image", type: "stringSlice" },
  { name: "env", type: "stringArray" },
  { name: "v", short: "v", type: "level" },
];
const set = new FlagSet(SPECS);

function parse(line: string) {
  const r = parseFlags(line === "" ? [] : line.split(" "), set);
  return { ...r, flags: Object.fromEntries(r.flags) };
}

describe("parseFlags (pflag's grammar)", () => {
  it.each([
    ["get pods -n kube-system", { namespace: ["kube-system"] }, ["get", "pods"]],
    ["-nkube-system x", { namespace: ["kube-system"] }, ["x"]],
    ["-n=kube-system x", { namespace: ["kube-system"] }, ["x"]],
    ["--namespace=a --namespace b", { namespace: ["a", "b"] }, []],
    ["-it web", { stdin: ["true"], tty: ["true"] }, ["web"]],
    ["-ti web", { stdin: ["true"], tty: ["true"] }, ["web"]],
    ["-itn ns web", { stdin: ["true"], tty: ["true"], namespace: ["ns"] }, ["web"]],
    ["--stdin=false", { stdin: ["false"] }, []],
    ["--stdin=T -A=0", { stdin: ["true"], "all-namespaces": ["false"] }, []],
    ["--dry-run -o yaml", { "dry-run": ["unchanged"], output: ["yaml"] }, []],
    ["--dry-run=client", { "dry-run": ["client"] }, []],
    ["--replicas 0x10", { replicas: ["16"] }, []],
    ["--replicas=010", { replicas: ["8"] }, []],
    ["--grace-period=-1", { "grace-period": ["-1"] }, []],
    ["--timeout=1m30s", { timeout: ["1m30s"] }, []],
    ["--image=nginx,redis --image busybox", { image: ["nginx", "redis", "busybox"] }, []],
    ["--env=A=1,B=2 --env C=3", { env: ["A=1,B=2", "C=3"] }, []],
    ["-v=6 -", { v: ["6"] }, ["-"]],
    ["--image -it", { image: ["-it"] }, []],
    ["--all_namespaces --dry_run=client", { "all-namespaces": ["true"], "dry-run": ["client"] }, []],
  ])("%s", (line, flags, positionals) => {
    const r = parse(line);
    expect(r.errors).toEqual([]);
    expect(r.flags).toEqual(flags);
    expect(r.positionals).toEqual(positionals);
  });

  it("passes everything after -- through untouched", () => {
    const r = parseFlags(["web", "-i", "--", "sh", "-c", "--bogus"], set);
    expect(r.errors).toEqual([]);
    expect(r.positionals).toEqual(["web"]);
    expect(r.rest).toEqual(["sh", "-c", "--bogus"]);
  });

  it.each([
    ["get --bogus", "unknown flag: --bogus"],
    ["get --bogus=1", "unknown flag: --bogus"],
    ["get --bogus_x", "unknown flag: --bogus_x"],
    [
      "--all_namespaces=maybe",
      'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
    ["get -Z", "unknown shorthand flag: 'Z' in -Z"],
    ["-itZ web", "unknown shorthand flag: 'Z' in -Z"],
    ["get -1", "unknown shorthand flag: '1' in -1"],
    ["get -n", "flag needs an argument: 'n' in -n"],
    ["get --namespace", "flag needs an argument: --namespace"],
    ["---x", "bad flag syntax: ---x"],
    ["--=x", "bad flag syntax: --=x"],
    [
      "--stdin=yes",
      'invalid argument "yes" for "-i, --stdin" flag: strconv.ParseBool: parsing "yes": invalid syntax',
    ],
    [
      "--replicas=three",
      'invalid argument "three" for "--replicas" flag: strconv.ParseInt: parsing "three": invalid syntax',
    ],
    [
      "--replicas=3000000000",
      'invalid argument "3000000000" for "--replicas" flag: strconv.ParseInt: parsing "3000000000": value out of range',
    ],
    [
      "--replicas=1_000",
      'invalid argument "1_000" for "--replicas" flag: strconv.ParseInt: parsing "1_000": invalid syntax',
    ],
    ["--timeout=60", 'invalid argument "60" for "--timeout" flag: time: missing unit in duration "60"'],
    ["--timeout=5d", 'invalid argument "5d" for "--timeout" flag: time: unknown unit "d" in duration "5d"'],
    ["--timeout=abc", 'invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"'],
  ])("%s: %s", (line, error) => {
    expect(parse(line).errors).toEqual([error]);
  });

  it("takes 0 as a duration without a unit, as Go does", () => {
    expect(parse("--timeout=0").errors).toEqual([]);
  });
});
