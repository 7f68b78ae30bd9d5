// Resource quantities as kubectl prints them (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go:
// ParseQuantity, Quantity.String / CanonicalizeBytes, Add, Value, MilliValue). Values are kept exactly as
// integers of nano-units.

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export const ZERO: Quantity = { nanos: 0n, format: "DecimalSI" };

/** quantity.go: ParseQuantity; undefined when the text is not a quantity. */
export function parseQuantity(input: string | number | undefined): Quantity | undefined {
  if (input === undefined) return undefined;
  const text = typeof input === "number" ? String(input) : input.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+|[a-zA-Z]*)$/.exec(text);
  if (m === null) return undefined;
  const [, sign = "", whole = "", frac = "", suffix = ""] = m;
  if (whole === "" && frac === "") return undefined;
  const digits = BigInt(`${whole}${frac}` || "0");
  const scaleDown = 10n ** BigInt(frac.length);
  let nanos: bigint;
  let format: QuantityFormat;
  const binary = BINARY[suffix];
  const decimal = DECIMAL[suffix];
  if (binary !== undefined) {
    nanos = (digits * binary * NANO) / scaleDown;
    format = "BinarySI";
  } else if (decimal !== undefined) {
    const exp = BigInt(decimal + 9);
    nanos = (digits * 10n ** exp) / scaleDown;
    format = "DecimalSI";
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    const exp = Number(suffix.slice(1)) + 9;
    nanos = exp >= 0 ? (digits * 10n ** BigInt(exp)) / scaleDown : digits / (scaleDown * 10n ** BigInt(-exp));
    format = "DecimalExponent";
  } else {
    return undefined;
  }
  return { nanos: sign === "-" ? -nanos : nanos, format };
}

/** quantity.go: Add keeps the receiver's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : a / b);

/** quantity.go: Value (rounded up to an integer). */
export function quantityValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, NANO);
}

/** quantity.go: MilliValue (rounded up). */
export function quantityMilliValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, 1_000_000n);
}

const DECIMAL_SUFFIX: Record<number, string> = {
  [-9]: "n",
  [-6]: "u",
  [-3]: "m",
  0: "",
  3: "k",
  6: "M",
  9: "G",
  12: "T",
  15: "P",
  18: "E",
};
const BINARY_SUFFIX = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** quantity.go: Quantity.String (CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    // This avoids rounding and hopefully confusion, too.
    if (q.nanos > -1024n * NANO && q.nanos < 1024n * NANO) format = "DecimalSI";
    // Don't lose precision-- show as DecimalSI
    else if (q.nanos % NANO !== 0n) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    let amount = q.nanos / NANO;
    let exp = 0;
    while (amount % 1024n === 0n && exp < BINARY_SUFFIX.length - 1) {
      amount /= 1024n;
      exp++;
    }
    return `${amount}${BINARY_SUFFIX[exp] ?? ""}`;
  }
  // int64Amount.AsCanonicalBytes: remove factors of ten, then make the exponent a multiple of 3
  let mantissa = q.nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const rem = exponent % 3;
  if (rem === 1 || rem === -2) {
    mantissa *= 10n;
    exponent -= 1;
  } else if (rem === 2 || rem === -1) {
    mantissa *= 100n;
    exponent -= 2;
  }
  const suffix = format === "DecimalSI" ? DECIMAL_SUFFIX[exponent] : undefined;
  if (suffix !== undefined) return `${mantissa}${suffix}`;
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

/** A stored quantity re-printed canonically (`"1000m"` → `1`); unparseable text is printed as is. */
export function canonicalQuantity(input: string | number | undefined): string {
  const q = parseQuantity(input);
  return q === undefined ? String(input ?? "") : formatQuantity(q);
}
