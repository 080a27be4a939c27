/**
 * The index section's queries (issue 10, "Measured"): the first page (25 rows) of the inbox over
 * every connection with no filter, two filters, a word search, a CJK substring search and a
 * rare-word search, as `GET /api/conversations` parameters. The words are those the index
 * worker (`bench/index-worker.ts`) writes: "reembolso" is in one sentence of sixteen, "申请退" is the
 * middle of a Chinese sentence (no word boundary: only the trigram path finds it), "quetzalcoatl"
 * is in about one message in 100,000.
 */

export interface IndexCase {
  name: string;
  params: Record<string, string>;
}

export const indexCases: readonly IndexCase[] = [
  { name: "no filter", params: {} },
  { name: "two filters (channel type, status)", params: { channelType: "web", status: "completed" } },
  { name: "word search", params: { q: "reembolso" } },
  { name: "CJK substring search", params: { q: "申请退" } },
  { name: "rare-word search", params: { q: "quetzalcoatl" } },
];

/** The nearest-rank percentile of sorted values (`share` 0.5 for p50), NaN for none. */
export function percentile(sorted: readonly number[], share: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
