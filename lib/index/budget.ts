/**
 * A provider's request budget kept in the database, so every instance on it shares one budget per
 * key (Chatling: 300 calls a minute per key, not per process). A sliding window of call starts per
 * budget key in `request_budget_calls`; each `take` runs in a transaction that holds an advisory
 * lock on the key, so two instances never both take the last slot.
 *
 * Like the in-process `RequestBudget`: interactive calls may use the whole window, background ones
 * (sync, bulk jobs) only `BACKGROUND_SHARE` of it, so a person's request always finds room.
 */
import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { ConnectionRow } from "@/lib/connections/repository";
import { withKey } from "@/lib/connections/repository";
import type { Database } from "@/lib/db/client";
import type { RateBudget, RequestPriority } from "@/lib/http/request-budget";
import { getAdapter } from "@/lib/providers/registry";
import { providerIdSchema } from "@/lib/model/conversation";

export const BACKGROUND_SHARE = 0.6;

export class DatabaseRateBudget implements RateBudget {
  constructor(
    private readonly db: Database,
    private readonly budgetKey: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Takes a slot, waiting up to `maxWaitMs`; returns 0, or the milliseconds it would have had to wait. */
  async take(maxWaitMs: number, priority: RequestPriority = "interactive"): Promise<number> {
    const started = Date.now();
    for (;;) {
      const waitMs = await this.tryTake(priority);
      if (waitMs === 0) return 0;
      const waited = Date.now() - started;
      if (waited + waitMs > maxWaitMs) return waitMs;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(5, waitMs)));
    }
  }

  /** One attempt: 0 when a slot was taken, else how long until one frees. */
  private async tryTake(priority: RequestPriority): Promise<number> {
    const limit =
      priority === "interactive" ? this.limit : Math.max(1, Math.floor(this.limit * BACKGROUND_SHARE));
    const window = `${this.windowMs} milliseconds`;
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${this.budgetKey}))`);
      await tx.execute(
        sql`delete from request_budget_calls where budget_key = ${this.budgetKey}
            and taken_at <= clock_timestamp() - ${window}::interval`,
      );
      const result = (await tx.execute(
        sql`select count(*) as used,
            ceil(extract(epoch from (
              (select taken_at from request_budget_calls where budget_key = ${this.budgetKey}
                order by taken_at desc offset ${limit - 1} limit 1)
              + ${window}::interval - clock_timestamp())) * 1000) as wait_ms
            from request_budget_calls where budget_key = ${this.budgetKey}`,
      )) as unknown as { rows: { used: string | number; wait_ms: string | number | null }[] };
      const row = result.rows[0];
      if (Number(row?.used ?? 0) < limit) {
        await tx.execute(
          sql`insert into request_budget_calls (budget_key, priority) values (${this.budgetKey}, ${priority})`,
        );
        return 0;
      }
      return Math.max(1, Number(row?.wait_ms ?? 1));
    });
  }
}

/**
 * The budget of a connection's runtime: one per provider key (a hash of it, never the key), for
 * providers that document a budget; none otherwise. Install with `installRequestBudgets`.
 */
export function databaseBudgets(db: Database): (row: ConnectionRow) => RateBudget | null {
  return (row) => {
    const provider = providerIdSchema.parse(row.provider);
    const perMinute = getAdapter(provider).capabilities.requestsPerMinute;
    if (!perMinute) return null;
    const keyHash = createHash("sha256").update(withKey(row).apiKey).digest("base64url").slice(0, 32);
    return new DatabaseRateBudget(db, `${provider}:${keyHash}`, perMinute, 60_000);
  };
}
