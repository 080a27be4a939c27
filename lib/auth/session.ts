/** Session checks for server components and layouts: redirect to sign-in when there is none. */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readActor, type Actor } from "./actor";

export async function getPageActor(): Promise<Actor | null> {
  return readActor(await headers());
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** An admin, or a 403-style redirect home for staff. */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await requirePageActor();
  if (actor.role !== "admin") redirect("/conversations?denied=admin");
  return actor;
}
