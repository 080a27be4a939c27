"use client";
/**
 * The Review page (admins): progress of the review over the conversation list's filter (the same
 * URL state and toolbar as the list and Costs): totals, then per reviewer and per responder how
 * many were reviewed, the pass rate of pass/fail scores and the average 1–5 score. Also where an
 * admin chooses how Parley scores (1–5 or pass/fail); scores already given keep their kind.
 */
import Link from "next/link";
import { toast } from "sonner";
import { FilterChips } from "@/components/conversations/list/filter-chips";
import { ListToolbar } from "@/components/conversations/list/list-toolbar";
import { useListFacets } from "@/components/conversations/list/use-list-facets";
import { useListState } from "@/components/conversations/list/use-list-state";
import { viewLabels } from "@/components/conversations/list/views";
import { Segmented } from "@/components/costs/segmented";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiUrl } from "@/lib/client/conversation-queries";
import { useReviewStats, type ReviewStats } from "@/lib/client/review";
import { useSettings, useUpdateSettings } from "@/lib/client/saved-views";
import { views, type View } from "@/lib/model/constants";
import type { ScoreMode } from "@/lib/model/review-labels";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const average = (value: number | null) => (value === null ? "—" : value.toFixed(2));

type Row = ReviewStats["byReviewer"][number];

function StatsCells({ row }: { row: Omit<Row, "reviewer"> }) {
  return (
    <>
      <TableCell className="text-right tabular-nums">{row.reviewed}</TableCell>
      <TableCell className="text-right tabular-nums">
        {percent(row.passRate)}
        {row.passFailScored ? (
          <span className="text-muted-foreground text-xs"> of {row.passFailScored}</span>
        ) : null}
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {average(row.averageScore)}
        {row.fiveScored ? <span className="text-muted-foreground text-xs"> of {row.fiveScored}</span> : null}
      </TableCell>
    </>
  );
}

const statsHeads = (
  <>
    <TableHead className="text-right">Reviewed</TableHead>
    <TableHead className="text-right">Pass rate</TableHead>
    <TableHead className="text-right">Average score</TableHead>
  </>
);

function ScoreModeSetting() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const mode = settings.data?.scoreMode;
  if (!mode) return null;
  return (
    <Segmented<ScoreMode>
      label="Scores"
      value={mode}
      options={[
        { value: "five", label: "Scores 1–5" },
        { value: "pass_fail", label: "Pass or fail" },
      ]}
      onChange={(scoreMode) =>
        update.mutate(
          { scoreMode },
          {
            onSuccess: () =>
              toast.success("Reviewers now score " + (scoreMode === "five" ? "1 to 5." : "pass or fail.")),
            onError: (error) => toast.error(error.message),
          },
        )
      }
    />
  );
}

export function ReviewPage() {
  const list = useListState();
  const { params } = list;
  const facets = useListFacets(params.connection);
  const search = new URL(listApiUrl(params), "http://parley.invalid").searchParams;
  for (const key of ["limit", "sort", "cursor"]) search.delete(key);
  if (params.view === "inbox") search.set("view", "inbox");
  const stats = useReviewStats(search.toString());
  const data = stats.data;
  const listHref = (extra: string) => `/conversations?${search.toString()}${extra}`;

  return (
    <div className="flex h-full min-h-0 flex-col overflow-auto">
      <div className="flex flex-col gap-3 border-b px-4 pt-4 pb-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">Review</h1>
          <span className="text-muted-foreground text-sm">{viewLabels[params.view]}</span>
          <div className="ml-auto flex flex-wrap items-center gap-3">
            <ScoreModeSetting />
            <Segmented<View>
              label="View"
              value={params.view}
              options={views.map((view) => ({ value: view, label: viewLabels[view] }))}
              onChange={(view) => void list.setFilters({ view })}
            />
          </div>
        </div>
        <ListToolbar list={list} facets={facets} searchRef={null} />
        <FilterChips list={list} facets={facets} />
      </div>
      <div className="flex flex-col gap-6 p-4">
        {stats.isError ? (
          <p role="alert" className="text-destructive text-sm">
            {stats.error.message}
          </p>
        ) : null}
        {!data ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
              {[
                ["Conversations", String(data.totals.conversations), null],
                ["Unreviewed", String(data.totals.unreviewed), listHref("&reviewState=unreviewed")],
                ["In review", String(data.totals.inReview), listHref("&reviewState=in_review")],
                ["Reviewed", String(data.totals.reviewed), listHref("&reviewState=reviewed")],
                [
                  "Pass rate · average",
                  `${percent(data.totals.passRate)} · ${average(data.totals.averageScore)}`,
                  null,
                ],
              ].map(([label, value, href]) => (
                <div key={label} className="bg-card rounded-lg border p-3">
                  <dt className="text-muted-foreground text-xs font-medium">{label}</dt>
                  <dd className="mt-1 text-xl font-semibold tabular-nums">
                    {href ? (
                      <Link href={href} className="underline-offset-4 hover:underline">
                        {value}
                      </Link>
                    ) : (
                      value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
            <section aria-labelledby="review-by-reviewer">
              <h2 id="review-by-reviewer" className="mb-2 text-sm font-semibold">
                By reviewer
              </h2>
              <Table aria-labelledby="review-by-reviewer">
                <TableHeader>
                  <TableRow>
                    <TableHead>Reviewer</TableHead>
                    {statsHeads}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.byReviewer.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={4} className="text-muted-foreground">
                        Nobody has reviewed a conversation of this filter yet.
                      </TableCell>
                    </TableRow>
                  ) : null}
                  {data.byReviewer.map((row) => (
                    <TableRow key={row.reviewer.id}>
                      <TableCell>{row.reviewer.name}</TableCell>
                      <StatsCells row={row} />
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
            <section aria-labelledby="review-by-responder">
              <h2 id="review-by-responder" className="mb-2 text-sm font-semibold">
                By responder
              </h2>
              <Table aria-labelledby="review-by-responder">
                <TableHeader>
                  <TableRow>
                    <TableHead>Responder</TableHead>
                    <TableHead className="text-right">Conversations</TableHead>
                    {statsHeads}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.byResponder.map((row) => (
                    <TableRow key={row.responderId ?? "none"}>
                      <TableCell>{row.responderName}</TableCell>
                      <TableCell className="text-right tabular-nums">{row.conversations}</TableCell>
                      <StatsCells row={row} />
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          </>
        )}
      </div>
    </div>
  );
}
