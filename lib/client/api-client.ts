/**
 * The browser's fetch wrapper for Parley's API: JSON in and out, and every non-2xx answer turned
 * into an `ApiRequestError` carrying the server's `{ error: { code, message } }`.
 */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
  if (!value || typeof value !== "object" || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return !!error && typeof error === "object" && "code" in error && "message" in error;
}

export async function apiFetch<T>(input: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(input, {
    ...rest,
    headers: {
      accept: "application/json",
      ...(json === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: json === undefined ? rest.body : JSON.stringify(json),
    credentials: "same-origin",
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && typeof window !== "undefined" && !input.startsWith("/api/auth")) {
      // A full navigation on purpose: the session is gone, so every client cache must go with it.
      const signIn = new URL("/sign-in", window.location.origin);
      signIn.searchParams.set("next", window.location.pathname + window.location.search);
      window.location.replace(signIn.href);
    }
    if (isErrorBody(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message);
    throw new ApiRequestError(response.status, "http_error", `The server answered ${response.status}.`);
  }
  // Parley's own API: the server builds these bodies from the shared zod schemas, so the client trusts them.
  return body as T;
}
