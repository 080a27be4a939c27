/**
 * Behind an https public address (PARLEY_PUBLIC_URL), the session cookie is `Secure` and carries
 * the `__Secure-` prefix, so a browser never sends it over plain http. A separate file because
 * configuration is read once per process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bootApp, type BootedApp } from "./support/boot-app";

let app: BootedApp;

beforeAll(async () => {
  app = await bootApp({ PARLEY_PUBLIC_URL: "https://parley.example.com" });
});
afterAll(async () => app?.close());

function flagsOf(setCookie: string): { name: string; flags: Set<string>; sameSite: string | undefined } {
  const [pair = "", ...parts] = setCookie.split(";").map((part) => part.trim().toLowerCase());
  const sameSite = parts.find((part) => part.startsWith("samesite="))?.slice("samesite=".length);
  return {
    name: pair.split("=")[0] ?? "",
    flags: new Set(parts.map((part) => part.split("=")[0] ?? "")),
    sameSite,
  };
}

describe("cookies on an https address", () => {
  it("sets a Secure, HttpOnly, SameSite=Lax session cookie with the __Secure- prefix", async () => {
    const { setCookies } = await app.signIn("staff@parley.local", "parley-demo-staff");
    const cookies = setCookies.map(flagsOf);
    expect(cookies.map((cookie) => cookie.name)).toEqual(["__secure-better-auth.session_token"]);
    for (const cookie of cookies) {
      expect(cookie.flags.has("secure"), cookie.name).toBe(true);
      expect(cookie.flags.has("httponly"), cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe("lax");
    }
  });

  it("accepts the Secure cookie for API calls and clears it Secure on sign-out", async () => {
    const { cookie } = await app.signIn("admin@parley.local", "parley-demo-admin");
    expect((await app.call("GET", "/api/connections", { cookie })).status).toBe(200);
    const signOut = await app.call("POST", "/api/auth/sign-out", {
      cookie,
      headers: { origin: "https://parley.example.com" },
    });
    expect(signOut.status).toBe(200);
    const cleared = signOut.headers.getSetCookie().map(flagsOf);
    expect(cleared.length).toBeGreaterThan(0);
    for (const entry of cleared) expect(entry.flags.has("secure"), entry.name).toBe(true);
    expect((await app.call("GET", "/api/connections", { cookie })).status).toBe(401);
  });

  it("accepts mutations from the https public origin and refuses its http twin", async () => {
    const { cookie } = await app.signIn("admin@parley.local", "parley-demo-admin");
    const listed = z
      .object({ items: z.array(z.object({ id: z.string() })).min(1) })
      .parse(await (await app.call("GET", "/api/connections", { cookie })).json());
    const url = `/api/connections/${listed.items[0]?.id ?? ""}`;
    const body = { name: "Renamed over https" };
    const downgraded = await app.call("PATCH", url, {
      cookie,
      body,
      headers: { origin: "http://parley.example.com" },
    });
    expect(downgraded.status).toBe(403);
    const accepted = await app.call("PATCH", url, {
      cookie,
      body,
      headers: { origin: "https://parley.example.com" },
    });
    expect(accepted.status).toBe(200);
  });

  it("accepts only the __Secure- cookie name, even right after it was used", async () => {
    const { cookie } = await app.signIn("staff@parley.local", "parley-demo-staff");
    expect((await app.call("GET", "/api/facets", { cookie })).status).toBe(200);
    const unprefixed = cookie.replace(/^__Secure-/, "");
    expect(unprefixed).not.toBe(cookie);
    expect((await app.call("GET", "/api/facets", { cookie: unprefixed })).status).toBe(401);
  });
});
