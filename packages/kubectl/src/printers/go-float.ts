// strconv.FormatFloat(f, 'g', -1, 64), which go-yaml and fmt's %v use for non-integral float64 values:
// the shortest digits that round-trip, in %e form when the exponent is < -4 or >= 6 (strconv/ftoa.go:
// "if precision was the shortest possible, use precision 6 for this decision"), else in %f form.
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  // JS toExponential() without an argument gives the shortest round-trip digits, like Go's shortest mode.
  const [mantissa = "0", expText = "0"] = value.toExponential().split("e");
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const exp = Number(expText);
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 6) {
    // strconv/ftoa.go: fmtE — d.ddd then e±dd (at least two exponent digits)
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const absExp = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${absExp < 10 ? `0${absExp}` : absExp}`;
  }
  // fmtF with the shortest digits
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const fracPart = digits.slice(exp + 1);
    return `${sign}${intPart}${fracPart === "" ? "" : `.${fracPart}`}`;
  }
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}
