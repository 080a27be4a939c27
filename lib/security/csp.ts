/**
 * Parley's Content-Security-Policy for pages: scripts run only with this response's nonce (Next.js
 * puts it on its own scripts, next-themes on its theme script) or when loaded by such a script
 * (`'strict-dynamic'`); no `'unsafe-inline'` for scripts, so injected markup cannot run script.
 * `'unsafe-eval'` only in development (React's refresh). Styles keep `'unsafe-inline'`: Radix
 * positions popovers with inline styles, and styles cannot run script. Violations are reported to
 * `/api/csp-report`, which logs them.
 *
 * API answers are JSON and get a policy that allows nothing (`API_CONTENT_SECURITY_POLICY`).
 */
export const CSP_REPORT_PATH = "/api/csp-report";

export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
  ].join("; ");
}

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
