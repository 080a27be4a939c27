// POST /api/csp-report — where browsers report Content-Security-Policy violations (no session:
// the browser sends them on its own). Each report is logged as one JSON line with a few bounded
// fields; bodies are capped at 16 KB and at most 60 reports a minute are logged per process, so
// the endpoint cannot flood the log. Always 204.
import { readBodyText } from "@/lib/api/request-body";
import { log } from "@/lib/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const window = { startedAt: 0, logged: 0 };
const PER_MINUTE = 60;

function field(value: unknown): string | undefined {
  return typeof value === "string" ? value.slice(0, 300) : undefined;
}

export async function POST(request: Request): Promise<Response> {
  let text = "";
  try {
    text = await readBodyText(request, 16_000);
  } catch {
    return new Response(null, { status: 204 });
  }
  const now = Date.now();
  if (now - window.startedAt > 60_000) Object.assign(window, { startedAt: now, logged: 0 });
  if (window.logged >= PER_MINUTE) return new Response(null, { status: 204 });
  window.logged += 1;
  let report: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    const body = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    const inner = body["csp-report"];
    report = inner && typeof inner === "object" ? (inner as Record<string, unknown>) : body;
  } catch {
    report = {};
  }
  log.warn("csp.violation", {
    documentUri: field(report["document-uri"]),
    violatedDirective: field(report["violated-directive"] ?? report["effective-directive"]),
    blockedUri: field(report["blocked-uri"]),
    sourceFile: field(report["source-file"]),
    line: typeof report["line-number"] === "number" ? report["line-number"] : undefined,
  });
  return new Response(null, { status: 204 });
}
