/**
 * The bench's results: one row per measured quantity, each against a baseline measured in the
 * same run, the ratio, the goal and whether it was met; printed as a plain table and as Markdown
 * (for `bench/README.md`), and written with the raw measurements to `bench/results/latest.json`.
 */

export interface Goal {
  /** `max`: the ratio must be at most `limit`; `below`: strictly under it; `min`: at least. */
  kind: "max" | "below" | "min";
  limit: number;
}

/** One line of the results table. */
export interface ResultRow {
  section: string;
  name: string;
  /** The baseline, in words with its value ("direct 52 ms"). */
  baseline: string;
  /** The measured value, in words ("Parley 57 ms"). */
  value: string;
  /** measured / baseline, or null when there is nothing to divide. */
  ratio: number | null;
  goal: Goal | null;
  /** null when the row has no goal, or could not be measured. */
  met: boolean | null;
  note?: string;
}

/** measured ÷ baseline, or null when either is missing or not positive. */
export function ratioOf(value: number, baseline: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline <= 0 || value <= 0) return null;
  return value / baseline;
}

/** Whether a ratio meets a goal; null without a goal or a ratio. */
export function meets(ratio: number | null, goal: Goal | null): boolean | null {
  if (goal === null || ratio === null) return null;
  switch (goal.kind) {
    case "max":
      return ratio <= goal.limit;
    case "below":
      return ratio < goal.limit;
    case "min":
      return ratio >= goal.limit;
    default: {
      const unreachable: never = goal.kind;
      return unreachable;
    }
  }
}

/** A row whose verdict follows from the ratio and the goal. */
export function row(
  fields: Omit<ResultRow, "met" | "ratio"> & { measured: number; against: number },
): ResultRow {
  const { measured, against, ...rest } = fields;
  const ratio = ratioOf(measured, against);
  return { ...rest, ratio, met: meets(ratio, fields.goal) };
}

/** A row for something that could not be measured (the reason goes in the note). */
export function unmeasured(section: string, name: string, goal: Goal | null, reason: string): ResultRow {
  return { section, name, baseline: "—", value: "not measured", ratio: null, goal, met: null, note: reason };
}

/** `≤ 1.15×`, `< 1.00×`, `≥ 0.50×`, or `—`. */
export function formatGoal(goal: Goal | null): string {
  if (!goal) return "—";
  const sign = goal.kind === "max" ? "≤" : goal.kind === "below" ? "<" : "≥";
  return `${sign} ${formatRatio(goal.limit)}`;
}

/** `1.23×`, or `—`. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return "—";
  return ratio >= 10 ? `${ratio.toFixed(1)}×` : `${ratio.toFixed(2)}×`;
}

/** Milliseconds, or seconds from one second up. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** Bytes in B, kB or MB (powers of 1,000). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(2)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

/** Requests a second. */
export function formatRate(perSecond: number): string {
  return `${perSecond >= 100 ? Math.round(perSecond) : perSecond.toFixed(1)} req/s`;
}

/** `met`, `NOT MET`, `not measured`, or nothing for rows without a goal. */
export function verdict(met: boolean | null, goal: Goal | null): string {
  if (goal === null) return "";
  if (met === null) return "not measured";
  return met ? "met" : "NOT MET";
}

const headers = ["section", "measure", "baseline", "measured", "ratio", "goal", "verdict"] as const;

function cells(result: ResultRow): string[] {
  return [
    result.section,
    result.name,
    result.baseline,
    result.value,
    formatRatio(result.ratio),
    formatGoal(result.goal),
    verdict(result.met, result.goal),
  ];
}

/** A fixed-width table for the terminal; notes follow it, numbered. */
export function plainTable(results: readonly ResultRow[]): string {
  const body = results.map(cells);
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...body.map((line) => (line[index] ?? "").length)),
  );
  const format = (line: readonly string[]) =>
    line
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join("  ")
      .trimEnd();
  const lines = [format(headers), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(format)];
  const notes = results.filter((result) => result.note).map((result) => `  * ${result.name}: ${result.note}`);
  return [...lines, ...(notes.length > 0 ? ["", "notes:", ...notes] : [])].join("\n");
}

const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|");

/** The same table in Markdown, notes as a list below it. */
export function markdownTable(results: readonly ResultRow[]): string {
  const lines = [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...results.map((result) => `| ${cells(result).map(escapeCell).join(" | ")} |`),
  ];
  const notes = results
    .filter((result) => result.note)
    .map((result) => `- **${result.name}**: ${result.note}`);
  return [...lines, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n");
}

/** How many goals were met, missed and not measured. */
export function summary(results: readonly ResultRow[]): { met: number; notMet: number; notMeasured: number } {
  const withGoal = results.filter((result) => result.goal !== null);
  return {
    met: withGoal.filter((result) => result.met === true).length,
    notMet: withGoal.filter((result) => result.met === false).length,
    notMeasured: withGoal.filter((result) => result.met === null).length,
  };
}

/** The median, NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
