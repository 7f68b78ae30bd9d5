// Resource quantities (apimachinery/pkg/api/resource/quantity.go). Values are compared numerically:
// 1G (10^9) is less than 1Gi (2^30).
export const QUANTITY_PATTERN = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
export const QUANTITY_ERROR = `quantities must match the regular expression '${QUANTITY_PATTERN}'`;

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The numeric value of a quantity, or undefined when it is not one. Numbers (YAML `cpu: 2`) are quantities too. */
export function parseQuantity(input: string | number): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? input : undefined;
  const m = QUANTITY_RE.exec(input);
  if (!m) return undefined;
  const [, num = "", suffix = ""] = m;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return undefined;
  const value = Number(num);
  if (suffix in BINARY) return value * (BINARY[suffix] ?? 1);
  if (suffix in DECIMAL) return value * (DECIMAL[suffix] ?? 1);
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
  if (exp) return value * 10 ** Number(exp[1]);
  return undefined;
}

export function isQuantity(input: unknown): boolean {
  return (typeof input === "string" || typeof input === "number") && parseQuantity(input) !== undefined;
}
