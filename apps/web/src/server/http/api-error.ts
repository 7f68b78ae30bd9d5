/** Every error the API returns: an HTTP status, a stable code a client can switch on, and a sentence. */
export type ApiError = {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500;
  readonly code: string;
  readonly message: string;
  /** Where in the request the problem is, e.g. `files[2].name`. */
  readonly path?: string;
};

export type ApiResult<T> =
  | { readonly ok: true; readonly status: 200 | 201; readonly body: T }
  | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(body: T, status: 200 | 201 = 200): ApiResult<T> => ({ ok: true, status, body });
export const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error });

/** The JSON response of a result: the body, or `{ error: { code, message, path? } }`. */
export function toResponse<T>(result: ApiResult<T>): Response {
  if (result.ok) return Response.json(result.body, { status: result.status, headers: NO_STORE });
  const { status, ...error } = result.error;
  return Response.json({ error }, { status, headers: NO_STORE });
}

const NO_STORE = { "cache-control": "no-store" };

/**
 * Runs a handler and answers its result; an exception (a bug, the database gone) becomes a JSON 500
 * that says nothing about the internals, and is logged on the server.
 */
export async function respond<T>(run: () => Promise<ApiResult<T>>): Promise<Response> {
  try {
    return toResponse(await run());
  } catch (error) {
    console.error("kubejam: API request failed:", error);
    return toResponse(
      fail({
        status: 500,
        code: "internal_error",
        message: "Something went wrong on the server. Try again.",
      }),
    );
  }
}
