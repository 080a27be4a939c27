/**
 * Names the kind of a failed connection for people: refused, timed out, TLS, address not
 * resolved, connection closed, or an address Parley does not connect to. Never the socket
 * address, port or the library's own message: those go to the server log only (a message like
 * `connect ECONNREFUSED 10.0.0.7:5432` would turn the connection test into a port scanner).
 */
import { AddressRefusedError } from "./guarded-fetch";

export type NetworkFailureKind =
  "refused" | "timed_out" | "tls" | "not_resolved" | "closed" | "address_refused" | "other";

/** The first error in a `cause` chain with a `code`, for fetch's "fetch failed" TypeError. */
function rootCause(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof AddressRefusedError) return current;
    if (current && typeof current === "object" && "code" in current && typeof current.code === "string")
      return current;
    if (current instanceof Error && current.cause !== undefined) current = current.cause;
    else break;
  }
  return current;
}

export function networkFailureKind(error: unknown): NetworkFailureKind {
  const cause = rootCause(error);
  if (cause instanceof AddressRefusedError) return "address_refused";
  const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : "";
  if (code === "ECONNREFUSED") return "refused";
  if (
    ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"].includes(code)
  )
    return "timed_out";
  if (["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"].includes(code)) return "not_resolved";
  if (
    /^(ERR_TLS|ERR_SSL|CERT_|ERR_OSSL)/.test(code) ||
    [
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      "CERT_HAS_EXPIRED",
      "ERR_TLS_CERT_ALTNAME_INVALID",
    ].includes(code)
  )
    return "tls";
  if (["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"].includes(code))
    return "closed";
  return "other";
}

/** "`label` refused the connection" and so on: what a person sees. */
export function describeNetworkFailure(label: string, error: unknown): string {
  const cause = rootCause(error);
  switch (networkFailureKind(error)) {
    case "address_refused":
      return cause instanceof AddressRefusedError
        ? `${label} could not be reached: ${cause.message.replace(/^Parley refused to connect: /, "Parley refused to connect because ")}`
        : `${label} could not be reached`;
    case "refused":
      return `${label} refused the connection`;
    case "timed_out":
      return `${label} timed out while connecting`;
    case "not_resolved":
      return `${label}'s address could not be resolved`;
    case "tls":
      return `${label}'s TLS certificate or handshake was not accepted`;
    case "closed":
      return `${label} closed the connection`;
    default:
      return `${label} could not be reached (network error)`;
  }
}
