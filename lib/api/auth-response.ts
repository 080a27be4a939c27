/**
 * better-auth's JSON answers carry the session token (`token` on sign-in, `session.token` on
 * get-session, one per session in the session lists). The browser never needs it: the session
 * travels in an HttpOnly cookie that scripts cannot read, and a token in a JSON body would undo
 * that. This removes every `token` field from a JSON answer, keeping status and headers
 * (Set-Cookie included).
 */
function stripTokens(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => stripTokens(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== "token")
      .map(([key, entry]) => [key, stripTokens(entry, depth + 1)]),
  );
}

export async function withoutTokens(response: Response): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(stripTokens(body)), { status: response.status, headers });
}
