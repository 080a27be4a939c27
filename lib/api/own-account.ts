/**
 * A signed-in person's changes to their own account, through better-auth's `/change-password`
 * and `/update-user`: each writes one audit row (`account.change_password`, `account.update`),
 * successful or not, and never records a password.
 *
 * - Changing one's password needs the current one, refuses a new one that is easy to guess
 *   (`passwordProblem`), and always ends the person's other sessions (`revokeOtherSessions`).
 * - Updating oneself may change the name (and picture) only; any other field is refused, so a
 *   role or a ban flag cannot ride along.
 */
import "server-only";
import { z } from "zod";
import { readActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { passwordProblem } from "@/lib/users/roles";
import { errorResponse } from "./handler";

type PassThrough = (request: Request) => Promise<Response>;

function withBody(request: Request, body: unknown): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(body) });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(256) })
  .loose();

export async function handleChangePassword(
  db: Database,
  request: Request,
  text: string,
  passThrough: PassThrough,
): Promise<Response> {
  const actor = await readActor(request.headers);
  if (!actor) return passThrough(request);
  const audit = (ok: boolean, error: string | null) =>
    recordAudit(db, {
      actor: { id: actor.id, email: actor.email },
      action: "account.change_password",
      targetId: actor.id,
      after: ok ? { otherSessionsEnded: true } : null,
      outcome: ok ? "success" : "failure",
      error,
    });
  const parsed = changePasswordBody.safeParse(parse(text));
  if (!parsed.success) {
    await audit(false, "currentPassword and newPassword are required");
    return errorResponse(400, "invalid_request", "Send the current password and the new one.");
  }
  const problem = passwordProblem(parsed.data.newPassword, { email: actor.email });
  if (problem) {
    await audit(false, problem);
    return errorResponse(400, "invalid_request", `newPassword: ${problem}`);
  }
  const response = await passThrough(
    withBody(request, {
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      revokeOtherSessions: true,
    }),
  );
  await audit(
    response.ok,
    response.ok
      ? null
      : response.status === 400
        ? "the current password is wrong"
        : `refused (${response.status})`,
  );
  return response;
}

const updateSelfBody = z
  .object({
    name: z.string().trim().min(1, "name is required").max(120, "name: at most 120 characters").optional(),
    image: z.string().max(2_000).nullable().optional(),
  })
  .strict();

export async function handleUpdateSelf(
  db: Database,
  request: Request,
  text: string,
  passThrough: PassThrough,
): Promise<Response> {
  const actor = await readActor(request.headers);
  if (!actor) return passThrough(request);
  const parsed = updateSelfBody.safeParse(parse(text));
  const audit = (ok: boolean, after: unknown, error: string | null) =>
    recordAudit(db, {
      actor: { id: actor.id, email: actor.email },
      action: "account.update",
      targetId: actor.id,
      before: { name: actor.name },
      after,
      outcome: ok ? "success" : "failure",
      error,
    });
  if (!parsed.success) {
    const message = "You can change your own name only (send { name }).";
    await audit(false, null, message);
    return errorResponse(400, "invalid_request", message);
  }
  const response = await passThrough(withBody(request, parsed.data));
  await audit(
    response.ok,
    parsed.data.name === undefined ? null : { name: parsed.data.name },
    response.ok ? null : `refused (${response.status})`,
  );
  return response;
}
