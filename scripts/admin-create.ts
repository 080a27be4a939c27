/**
 * `npm run admin:create -- --email admin@example.com [--name "Ada Admin"]`: creates the first
 * administrator of an instance that has none (outside demo mode there is no other way in). The
 * password is read from the terminal without echo (twice), or as one line from standard input
 * when that is not a terminal. Refused once an active administrator exists: later admins are
 * made on the Users page, where every change is audited. The creation is audited too.
 *
 * Uses the same configuration as the server (PARLEY_SECRET, DATABASE_URL or PARLEY_DATA_DIR). On
 * the embedded database, stop the server first: one process per data directory.
 */
import { getAuth } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/audit/audit-log";
import { getConfig } from "@/lib/config";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { user } from "@/lib/db/schema";
import { isActiveAdmin, passwordProblem } from "@/lib/users/roles";

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Reads one line; on a terminal, without echoing what is typed. */
function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolve) => {
      let text = "";
      input.setEncoding("utf8");
      input.on("data", (chunk: string) => (text += chunk));
      input.on("end", () => resolve(text.split(/\r?\n/)[0] ?? ""));
    });
  }
  process.stdout.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") {
          input.setRawMode(false);
          input.pause();
          input.off("data", onData);
          process.stdout.write("\n");
          return resolve(typed);
        }
        if (character === "\u0003") return reject(new Error("cancelled"));
        if (character === "\u007f") typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on("data", onData);
  });
}

async function main(): Promise<number> {
  const email = argument("email")?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    console.error('Usage: npm run admin:create -- --email admin@example.com [--name "Ada Admin"]');
    return 2;
  }
  const name = argument("name")?.trim() || email.split("@")[0] || "Administrator";
  const config = getConfig();
  const db = await getDatabase();
  try {
    const users = await db.select({ email: user.email, role: user.role, banned: user.banned }).from(user);
    if (users.some(isActiveAdmin)) {
      console.error(
        "An administrator already exists: add more on the Users page (Admin → Users). Nothing changed.",
      );
      return 1;
    }
    if (users.some((existing) => existing.email === email)) {
      console.error(`A user with the email ${email} already exists. Nothing changed.`);
      return 1;
    }
    const password = await readSecret(`Password for ${email}: `);
    const problem = passwordProblem(password, { email });
    if (problem) {
      console.error(problem);
      return 1;
    }
    if (process.stdin.isTTY && (await readSecret("Again: ")) !== password) {
      console.error("The two passwords differ. Nothing changed.");
      return 1;
    }
    const created = await getAuth().api.createUser({ body: { email, password, name, role: "admin" } });
    await recordAudit(db, {
      actor: { id: null, email: "npm run admin:create" },
      action: "user.create",
      targetId: created.user.id,
      after: { email, name, role: "admin" },
      outcome: "success",
    });
    console.log(
      `Administrator ${email} created${config.demo ? " (note: demo mode is on)" : ""}. Sign in at ${config.publicUrl ?? `http://127.0.0.1:${config.port}`}.`,
    );
    return 0;
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `Cannot create the administrator: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
