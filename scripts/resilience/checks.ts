/**
 * The resilience suite's verdicts: each check printed as it is decided, then written to
 * `.reports/resilience.json` as `{ passed, failed, checks: [{ name, ok, detail }] }` (read by
 * `scripts/summarize-tests.mjs`). A skipped check has `ok: null` and counts neither way.
 */
import fs from "node:fs";
import path from "node:path";

/** One verdict; `ok: null` when skipped. */
export interface Check {
  name: string;
  ok: boolean | null;
  detail: string;
}

/** The run's verdicts, in the order they were decided. */
export class Checks {
  readonly list: Check[] = [];

  add(name: string, ok: boolean, detail: string): boolean {
    this.list.push({ name, ok, detail });
    console.log(`${ok ? "  ✓" : "  ✗"} ${name}${detail ? ` — ${detail}` : ""}`);
    return ok;
  }

  skip(name: string, reason: string): void {
    this.list.push({ name, ok: null, detail: `skipped: ${reason}` });
    console.log(`  - ${name} — skipped: ${reason}`);
  }

  /** Runs a check whose failure is an exception (the message becomes the detail). */
  async attempt(name: string, action: () => Promise<string>): Promise<boolean> {
    try {
      return this.add(name, true, await action());
    } catch (error) {
      return this.add(name, false, error instanceof Error ? error.message : String(error));
    }
  }

  get passed(): number {
    return this.list.filter((check) => check.ok === true).length;
  }

  get failed(): number {
    return this.list.filter((check) => check.ok === false).length;
  }

  get skipped(): number {
    return this.list.filter((check) => check.ok === null).length;
  }

  write(file: string, extra: Record<string, unknown>): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const report = {
      passed: this.passed,
      failed: this.failed,
      skipped: this.skipped,
      checks: this.list,
      ...extra,
    };
    fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  }
}

/** Throws with `message` unless `condition` holds (for `Checks.attempt`). */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
