import { type ApiResult, fail, ok } from "./api-error";

/**
 * The request body as text, refusing (413) past `maxBytes` without reading the rest: a declared
 * Content-Length over the limit is refused before any byte is read, and a body without one is read
 * only up to the limit.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<ApiResult<string>> {
  const tooLarge = fail({
    status: 413,
    code: "payload_too_large",
    message: `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`,
  });
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  if (!request.body) return ok("");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  return ok(Buffer.concat(chunks).toString("utf8"));
}
