/**
 * Reads a request body as text and stops at a byte limit, answering 413 before the rest is read:
 * a declared `Content-Length` over the limit is refused without reading, and a streamed body is
 * cancelled at the first chunk past it. Nothing is buffered, cloned or parsed beyond the limit, so
 * a 100 MB body costs no more memory than a 64 KB one.
 */
import { ApiError } from "./errors";

export const DEFAULT_BODY_LIMIT = 64_000;

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);
}

export async function readBodyText(request: Request, maxBytes = DEFAULT_BODY_LIMIT): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
