/**
 * Parley's server log: one JSON object per line, one line per event.
 *
 * Contract:
 * - Every event is `{"time","level","event",...fields}` serialised with `JSON.stringify`, which
 *   escapes line breaks and control characters, so no input (an id with `%0A`, a provider's
 *   answer) can start a new log line or forge an event.
 * - Fields whose name says they hold a secret (password, secret, token, key, authorization,
 *   cookie) are replaced by `[redacted]`, and anything shaped like a bearer token or a
 *   `key=value` credential inside a string is masked. Strings are cut at 2,000 characters.
 * - `scrubSecrets(text, secrets)` masks known secret values (a connection's key) in free text;
 *   callers that know a secret pass it before logging or storing text that might echo it.
 *
 * It imports nothing of Parley's, so every layer (lib/http upwards) may use it. Server-only in
 * practice (it writes to the process's stdout and stderr); components never import it.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const MAX_STRING = 2_000;
const MAX_DEPTH = 6;
const SECRET_FIELD = /pass(word)?|secret|token|api[-_]?key|^key$|authori[sz]ation|cookie|credential/i;

/** Bearer tokens, `Authorization: …` values and `key=…`/`token: …` pairs inside free text. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  /\b(api[-_]?key|token|secret|password|authorization|x-api-key)(["']?\s*[:=]\s*["']?)[^\s"',;&]{4,}/gi,
];

/** Masks `secrets` (exact values, at least 4 characters) and token-shaped text in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length >= 4) scrubbed = scrubbed.split(secret).join("[redacted]");
  }
  scrubbed = scrubbed.replace(
    SECRET_PATTERNS[0] as RegExp,
    (_match, scheme: string) => `${scheme} [redacted]`,
  );
  scrubbed = scrubbed.replace(
    SECRET_PATTERNS[1] as RegExp,
    (_match, name: string, separator: string) => `${name}${separator}[redacted]`,
  );
  return scrubbed;
}

function clean(value: unknown, depth: number): unknown {
  if (typeof value === "string") {
    const scrubbed = scrubSecrets(value);
    return scrubbed.length > MAX_STRING ? `${scrubbed.slice(0, MAX_STRING)}…` : scrubbed;
  }
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return clean({ name: value.name, message: value.message }, depth);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => clean(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>).slice(0, 50)) {
    out[key] = SECRET_FIELD.test(key) ? "[redacted]" : clean(entry, depth + 1);
  }
  return out;
}

export type LogSink = (level: LogLevel, line: string) => void;

const defaultSink: LogSink = (level, line) => {
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  stream.write(line + "\n");
};

const holder = globalThis as { __parleyLogSink?: LogSink };

/** Replaces where lines go (tests capture them); `undefined` restores stdout/stderr. */
export function setLogSink(sink: LogSink | undefined): void {
  holder.__parleyLogSink = sink;
}

/** The one JSON line an event becomes (exported for tests). */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}): string {
  const body = clean(fields, 0) as Record<string, unknown>;
  // The event's own keys come first and cannot be overwritten by a field of the same name.
  for (const reserved of ["time", "level", "event"]) delete body[reserved];
  const line = JSON.stringify({ time: new Date().toISOString(), level, event: clean(event, 0), ...body });
  // JSON.stringify leaves U+0085, U+2028 and U+2029 raw; some log readers break lines on them.
  return line.replace(
    /[\u0085\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function write(level: LogLevel, event: string, fields?: LogFields): void {
  try {
    (holder.__parleyLogSink ?? defaultSink)(level, formatLogLine(level, event, fields));
  } catch {
    // Logging never takes a request down.
  }
}

export const log = {
  debug: (event: string, fields?: LogFields) => write("debug", event, fields),
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  error: (event: string, fields?: LogFields) => write("error", event, fields),
};
