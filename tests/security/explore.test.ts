import { afterAll, beforeAll, describe, it } from "vitest";
import { startHarness, type Harness } from "../integration/harness";

let harness: Harness;
const t0 = Date.now();
beforeAll(async () => {
  harness = await startHarness();
  console.log("boot ms", Date.now() - t0);
});
afterAll(async () => harness?.close());

async function show(
  label: string,
  method: string,
  url: string,
  options: Parameters<Harness["call"]>[2] = {},
) {
  const response = await harness.call(method, url, options);
  const text = await response.text();
  console.log(
    label,
    response.status,
    JSON.stringify([...response.headers]).slice(0, 600),
    text.slice(0, 400),
  );
}

describe("explore", () => {
  it("shapes", async () => {
    await show("anon list-users", "GET", "/api/auth/admin/list-users");
    await show("staff list-users", "GET", "/api/auth/admin/list-users", { cookie: harness.staffCookie });
    await show("admin list-users", "GET", "/api/auth/admin/list-users?limit=5", {
      cookie: harness.adminCookie,
    });
    await show("anon get-session", "GET", "/api/auth/get-session");
    await show("staff create-user", "POST", "/api/auth/admin/create-user", {
      cookie: harness.staffCookie,
      body: { email: "x1@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("admin create-user evil", "POST", "/api/auth/admin/create-user", {
      cookie: harness.adminCookie,
      headers: { origin: "https://evil.example" },
      body: { email: "x1@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("admin create-user sfs", "POST", "/api/auth/admin/create-user", {
      cookie: harness.adminCookie,
      headers: { "sec-fetch-site": "cross-site" },
      body: { email: "x2@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("admin create-user sfs no origin", "POST", "/api/auth/admin/create-user", {
      cookie: harness.adminCookie,
      headers: { "sec-fetch-site": "cross-site", origin: "" },
      body: { email: "x3@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("admin create-user ok", "POST", "/api/auth/admin/create-user", {
      cookie: harness.adminCookie,
      body: { email: "x4@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("admin create-user referer evil", "POST", "/api/auth/admin/create-user", {
      cookie: harness.adminCookie,
      headers: { origin: "", referer: "https://evil.example/x" },
      body: { email: "x5@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("admin create-user null origin", "POST", "/api/auth/admin/create-user", {
      cookie: harness.adminCookie,
      headers: { origin: "null" },
      body: { email: "x6@parley.local", password: "abcdefghijkl", name: "X", role: "staff" },
    });
    await show("signin unknown", "POST", "/api/auth/sign-in/email", {
      body: { email: "nobody@parley.local", password: "whatever-password" },
      headers: { "x-parley-client-address": "10.1.1.1" },
    });
    await show("signin wrong", "POST", "/api/auth/sign-in/email", {
      body: { email: "staff@parley.local", password: "whatever-password" },
      headers: { "x-parley-client-address": "10.1.1.2" },
    });
    await show("signin ok", "POST", "/api/auth/sign-in/email", {
      body: { email: "staff@parley.local", password: "parley-demo-staff" },
      headers: { "x-parley-client-address": "10.1.1.3" },
    });
    await show("signin garbage", "POST", "/api/auth/sign-in/email", {
      rawBody: "{",
      headers: { "x-parley-client-address": "10.1.1.4", "content-type": "application/json" },
    });
    await show("signin evil", "POST", "/api/auth/sign-in/email", {
      body: { email: "staff@parley.local", password: "parley-demo-staff" },
      headers: { origin: "https://evil.example", "x-parley-client-address": "10.1.1.5" },
    });
    await show("signout", "POST", "/api/auth/sign-out", {
      headers: { "x-parley-client-address": "10.1.1.6" },
    });
    await show("unknown auth", "GET", "/api/auth/nope");
    const { getDatabase } = await import("@/lib/db/client");
    const { account } = await import("@/lib/db/schema");
    const db = await getDatabase();
    console.log((await db.select().from(account)).map((row) => row.password));
    const stats = await fetch(`${harness.simulator.url}/__admin/stats`);
    console.log(await stats.text());
    await show("facets", "GET", "/api/facets", { cookie: harness.staffCookie });
  });
});
