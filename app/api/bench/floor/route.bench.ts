// GET /api/bench/floor — the benchmark's floor: a stored list-page JSON answered from memory, with
// no session, database or provider call, so `npm run bench` can compare Parley's list route with
// "the framework alone". POST stores the payload (the bench captures it once through the real API).
// Both answer 404 unless PARLEY_BENCH=1, exactly like a route that does not exist.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Larger than any list page (100 rows) Parley answers. */
const MAX_PAYLOAD_BYTES = 2_000_000;

const holder = globalThis as { __parleyBenchFloor?: string };

function benchEnabled(): boolean {
  return process.env.PARLEY_BENCH === "1";
}

function error(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

const notFound = () => error(404, "not_found", "No such API route.");

/** The stored payload, byte for byte, or 404 before one was stored (or outside bench mode). */
export async function GET(): Promise<Response> {
  if (!benchEnabled()) return notFound();
  const payload = holder.__parleyBenchFloor;
  if (payload === undefined) return error(404, "not_found", "No floor payload yet: POST a list page first.");
  return new Response(payload, {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

/** Stores a JSON body (kept as text, so GET does no serialising) and answers 204. */
export async function POST(request: Request): Promise<Response> {
  if (!benchEnabled()) return notFound();
  const text = await request.text();
  if (text.length > MAX_PAYLOAD_BYTES)
    return error(413, "payload_too_large", `The body is larger than ${MAX_PAYLOAD_BYTES} bytes.`);
  try {
    JSON.parse(text);
  } catch {
    return error(400, "invalid_request", "The body is not valid JSON.");
  }
  holder.__parleyBenchFloor = text;
  return new Response(null, { status: 204 });
}
