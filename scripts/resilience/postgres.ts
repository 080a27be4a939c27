/**
 * Two Parley instances on one PostgreSQL (DATABASE_URL): the first starts, migrates and seeds the
 * demo; the second starts only once the first is healthy (so they never seed at the same time).
 * A session signed in on one works on the other, and a moderation made through one is seen
 * through the other.
 *
 * The suite empties Parley's tables first (earlier test runs leave users, sessions and
 * connections pointing at other simulators), so it accepts only a loopback database: CI's
 * throwaway one from `scripts/postgres.sh start`.
 */
import { Client } from "pg";
import { z } from "zod";
import { providerLabels } from "@/lib/model/conversation";
import {
  conversationPageSchema,
  conversationPath,
  demoAccounts,
  demoConnections,
  healthSchema,
  historySchema,
  ParleyApi,
  signIn,
} from "@/bench/lib/parley-api";
import { assertPortsFree } from "@/bench/lib/processes";
import { startParleyProcess, removeDataDir, type ParleyHandle } from "@/bench/lib/stack";
import { expectThat, type Checks } from "./checks";
import { listPath } from "./context";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const PARLEY_TABLES =
  'audit_log, moderation_overlay, connections, session, account, verification, rate_limit, "user"';

/** Whether a database URL points at this machine. */
export function isLoopbackDatabase(databaseUrl: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(databaseUrl).hostname);
  } catch {
    return false;
  }
}

async function emptyParleyTables(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query("select to_regclass('public.connections') is not null as present");
    const present = z.object({ present: z.boolean() }).parse(found.rows[0]).present;
    if (present) await client.query(`truncate table ${PARLEY_TABLES} restart identity cascade`);
  } finally {
    await client.end();
  }
}

const connectionsSchema = z.object({ items: z.array(z.object({ id: z.string(), provider: z.string() })) });

/** Where the two instances run and what they talk to. */
export interface PostgresOptions {
  root: string;
  simulatorPort: number;
  ports: [number, number];
  env: Record<string, string>;
  log(line: string): void;
}

/** The two-instance checks, or a skip when DATABASE_URL is not set. */
export async function twoInstances(checks: Checks, options: PostgresOptions): Promise<void> {
  const name = "two instances on PostgreSQL";
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    checks.skip(name, "DATABASE_URL is not set (CI sets it from `scripts/postgres.sh start`)");
    return;
  }
  if (!isLoopbackDatabase(databaseUrl)) {
    checks.add(
      name,
      false,
      "DATABASE_URL is not a loopback database; this suite empties Parley's tables, so it only runs on a throwaway local one",
    );
    return;
  }
  options.log(`two instances on PostgreSQL (ports ${options.ports.join(" and ")})`);
  const instances: ParleyHandle[] = [];
  try {
    await assertPortsFree({ RESILIENCE_PG_PORT_1: options.ports[0], RESILIENCE_PG_PORT_2: options.ports[1] });
    await emptyParleyTables(databaseUrl);
    const start = (port: number, label: string) =>
      startParleyProcess({
        root: options.root,
        port,
        simulatorPort: options.simulatorPort,
        name: label,
        env: { ...options.env, DATABASE_URL: databaseUrl },
      });

    const ok = await checks.attempt(
      `${name}: the first instance migrates, seeds the demo and answers`,
      async () => {
        instances.push(await start(options.ports[0], "parley-pg-1"));
        const firstUrl = instances[0]?.url ?? "";
        const cookie = await signIn(firstUrl, demoAccounts.admin.email, demoAccounts.admin.password);
        const health = await new ParleyApi(firstUrl, cookie).get("/api/health", healthSchema);
        expectThat(
          health.database.kind === "postgres" && health.database.ok,
          `health: ${JSON.stringify(health.database)}`,
        );
        return `database ${health.database.kind}, ${health.connections.length} connections`;
      },
    );
    if (!ok) return;
    await checks.attempt(
      `${name}: the second instance starts on the same database without seeding again`,
      async () => {
        instances.push(await start(options.ports[1], "parley-pg-2"));
        const url = instances[1]?.url ?? "";
        const adminCookie = await signIn(url, demoAccounts.admin.email, demoAccounts.admin.password);
        const connections = connectionsSchema.parse(
          (await new ParleyApi(url, adminCookie).call("GET", "/api/connections")).json,
        ).items;
        expectThat(
          connections.length === 4,
          `${connections.length} connections after two starts (one seed expected)`,
        );
        return "4 demo connections, seeded once";
      },
    );
    const [first, second] = instances;
    if (!first || !second) return;

    const cookieFromFirst = await signIn(first.url, demoAccounts.staff.email, demoAccounts.staff.password);
    const cookieFromSecond = await signIn(second.url, demoAccounts.staff.email, demoAccounts.staff.password);
    const viaFirst = new ParleyApi(first.url, cookieFromFirst);
    const viaSecond = new ParleyApi(second.url, cookieFromFirst);
    await checks.attempt(`${name}: a session signed in on one instance works on the other`, async () => {
      for (const [label, api] of [
        ["signed in on 1, used on 2", new ParleyApi(second.url, cookieFromFirst)],
        ["signed in on 2, used on 1", new ParleyApi(first.url, cookieFromSecond)],
      ] as const) {
        const answer = await api.call("GET", "/api/conversations?limit=1");
        expectThat(answer.status === 200, `${label}: ${answer.status} ${answer.text.slice(0, 160)}`);
      }
      return "both directions answer 200";
    });

    const connections = await demoConnections(first.url);
    await checks.attempt(`${name}: a moderation through one instance is seen through the other`, async () => {
      const page = conversationPageSchema.parse(
        (await viaFirst.call("GET", listPath(connections.sigmamind, 5))).json,
      );
      const conversation = page.items[0];
      expectThat(conversation !== undefined, "no SigmaMind conversation to moderate");
      const path = conversationPath(conversation.connectionId, conversation.id);
      const important = !conversation.flags.important;
      const patched = await viaFirst.call("PATCH", path, { important });
      expectThat(
        patched.status === 200,
        `PATCH through instance 1: ${patched.status} ${patched.text.slice(0, 160)}`,
      );
      const seen = conversationPageSchema.parse(
        (await viaSecond.call("GET", listPath(connections.sigmamind, 5))).json,
      );
      expectThat(
        seen.items.find((item) => item.id === conversation.id)?.flags.important === important,
        "instance 2 does not see the change",
      );
      const history = historySchema.parse((await viaSecond.call("GET", `${path}/history`)).json);
      expectThat(history.items[0]?.outcome === "success", "instance 2 does not see the audit row");

      const trashed = await new ParleyApi(second.url, cookieFromSecond).call("PATCH", path, {
        trashed: true,
      });
      expectThat(trashed.status === 200, `PATCH through instance 2: ${trashed.status}`);
      const trash = conversationPageSchema.parse(
        (await viaFirst.call("GET", listPath(connections.sigmamind, 25, "trash"))).json,
      );
      expectThat(
        trash.items.some((item) => item.id === conversation.id),
        "instance 1 does not list it in the trash",
      );
      return `${providerLabels.sigmamind} ${conversation.id}: important set through 1 and read through 2; trashed through 2 and listed in the trash through 1`;
    });
  } catch (error) {
    checks.add(name, false, error instanceof Error ? error.message : String(error));
  } finally {
    for (const instance of instances.reverse()) {
      await instance.process.stop();
      removeDataDir(instance.dataDir);
    }
  }
}
