/**
 * `POST /api/auth/sign-in/email` around better-auth: the throttle of `lib/auth/sign-in-guard.ts`
 * is checked before the password is, attempts for one address and one account are handled in
 * turn (`keyed-lock.ts`), and every attempt leaves one audit row. The answer for a throttled
 * attempt is the same whether or not the account exists.
 */
import "server-only";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { withLocks } from "@/lib/auth/keyed-lock";
import { auditSignIn, boundedEmail, checkSignIn, type SignInOutcome } from "@/lib/auth/sign-in-guard";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { errorResponse } from "./handler";

const signInBody = z.object({ email: z.string().min(1) }).loose();
const signedIn = z.object({ user: z.object({ id: z.string() }) });

function claimedEmail(text: string): string | null {
  try {
    const parsed = signInBody.safeParse(JSON.parse(text));
    return parsed.success ? boundedEmail(parsed.data.email) : null;
  } catch {
    return null;
  }
}

async function outcomeOf(response: Response): Promise<SignInOutcome> {
  if (response.ok) {
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    const parsed = signedIn.safeParse(body);
    return parsed.success
      ? { kind: "success", userId: parsed.data.user.id }
      : { kind: "refused", reason: "no user in the answer" };
  }
  if (response.status === 401) return { kind: "password_failure" };
  if (response.status === 429) return { kind: "throttled", reason: "too many requests from this address" };
  if (response.status === 403) return { kind: "refused", reason: "the account is deactivated" };
  return { kind: "refused", reason: `refused (${response.status})` };
}

export async function handleSignIn(
  db: Database,
  request: Request,
  text: string,
  passThrough: (request: Request) => Promise<Response>,
): Promise<Response> {
  const email = claimedEmail(text);
  // Without an email better-auth answers 400 before any password is checked; nothing to count.
  if (!email) return passThrough(request);
  const address = (request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown").slice(0, 100);
  return withLocks([`address:${address}`, `email:${email}`], async () => {
    const decision = await checkSignIn(db, email, address, getConfig().signInLimitPerMinute);
    if (!decision.allowed) {
      await auditSignIn(db, email, address, { kind: "throttled", reason: decision.reason });
      return errorResponse(
        429,
        "rate_limited",
        `Too many failed sign-ins. Try again in ${decision.retryAfterSeconds} s.`,
        { "retry-after": String(decision.retryAfterSeconds) },
      );
    }
    const response = await passThrough(request);
    await auditSignIn(db, email, address, await outcomeOf(response));
    return response;
  });
}
