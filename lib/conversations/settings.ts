/**
 * Parley-wide settings admins change (whether only admins may export conversations, the review
 * score mode). A
 * setting never written has its default; every change is one audit row.
 */
import "server-only";
import { inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { appSettings } from "@/lib/db/schema";
import { forbidden } from "@/lib/model/errors";
import { settingsSchema, type Settings } from "@/lib/model/settings";

export const defaultSettings: Settings = { exportAdminsOnly: false, scoreMode: "five" };
const keys = Object.keys(defaultSettings) as (keyof Settings)[];

export async function readSettings(db: Database): Promise<Settings> {
  const rows = await db.select().from(appSettings).where(inArray(appSettings.key, keys));
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...stored });
  return parsed.success ? parsed.data : defaultSettings;
}

export async function updateSettings(
  db: Database,
  actor: Pick<Actor, "id" | "email">,
  patch: Partial<Settings>,
): Promise<Settings> {
  const before = await readSettings(db);
  const after = settingsSchema.parse({ ...before, ...patch });
  const now = new Date();
  for (const key of keys) {
    if (patch[key] === undefined) continue;
    await db
      .insert(appSettings)
      .values({ key, value: after[key], updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: appSettings.key,
        set: { value: after[key], updatedBy: actor.id, updatedAt: now },
      });
  }
  await recordAudit(db, { actor, action: "settings.update", before, after, outcome: "success" });
  return after;
}

/** Refuses an export to staff when an admin restricted exports to admins (audited by the caller). */
export async function assertMayExport(db: Database, actor: Pick<Actor, "role">): Promise<void> {
  if (actor.role === "admin") return;
  const settings = await readSettings(db);
  if (settings.exportAdminsOnly)
    throw forbidden("An administrator has restricted exports to administrators.");
}
