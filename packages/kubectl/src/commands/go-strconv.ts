// Go's strconv parsers as the generators use them on flag text (run --port, create service --tcp), with
// their error texts: a number, or what kubectl prints after "error: ".
import { goQuote } from "../printers/go-format";

/** strconv.Atoi: a decimal int64, an optional sign first. */
export function goAtoi(text: string): { ok: true; value: number } | { ok: false; message: string } {
  if (!/^[+-]?\d+$/.test(text))
    return { ok: false, message: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax` };
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n)
    return { ok: false, message: `strconv.Atoi: parsing ${goQuote(text)}: value out of range` };
  return { ok: true, value: Number(value) };
}

/** strconv.ParseUint(text, 10, bits): unsigned decimal digits only. */
export function goParseUint(
  text: string,
  bits: number,
): { ok: true; value: number } | { ok: false; message: string } {
  if (!/^\d+$/.test(text))
    return { ok: false, message: `strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax` };
  const value = BigInt(text);
  if (value >= 1n << BigInt(bits))
    return { ok: false, message: `strconv.ParseUint: parsing ${goQuote(text)}: value out of range` };
  return { ok: true, value: Number(value) };
}
