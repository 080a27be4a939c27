/**
 * Text the database cannot store: PostgreSQL (and PGlite) refuse U+0000 in text and unpaired
 * UTF-16 surrogates in JSON, and a query that carries either fails inside the driver, which would
 * surface as a 500. The API refuses such input at the door instead: path parameters, query
 * strings and JSON bodies (keys and values, however deep).
 */
export const UNSTORABLE_TEXT_MESSAGE =
  "Text must not contain NUL characters (\\u0000) or unpaired surrogates (\\ud800-\\udfff).";

function isUnstorable(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** Whether a parsed JSON value (or a string) holds unstorable text anywhere. Iterative, so deep input cannot overflow the stack. */
export function containsUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (isUnstorable(current)) return true;
    } else if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
    } else if (current !== null && typeof current === "object") {
      for (const [key, entry] of Object.entries(current)) {
        if (isUnstorable(key)) return true;
        pending.push(entry);
      }
    }
  }
  return false;
}

/** Whether a request's body (JSON, or any text) holds unstorable text; reads a clone, so the body stays readable. */
export async function bodyHasUnstorableText(request: Request): Promise<boolean> {
  const text = await request.clone().text();
  try {
    return containsUnstorableText(JSON.parse(text));
  } catch {
    return containsUnstorableText(text);
  }
}
