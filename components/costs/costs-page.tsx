"use client";
/**
 * The Costs page: the conversation list's filters (the same URL state and toolbar), the totals of
 * the filter, spend and conversations over time stacked by provider or responder (a chart, or the
 * same numbers as a table), breakdowns by connection, responder, channel and label whose rows open
 * the list behind them (and export it), an export of the whole filter, and Cozmox's cost line items
 * with token totals by model.
 */
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { ExportMenu } from "@/components/conversations/list/export-menu";
import { FilterChips } from "@/components/conversations/list/filter-chips";
import { ListToolbar } from "@/components/conversations/list/list-toolbar";
import { useListFacets } from "@/components/conversations/list/use-list-facets";
import { useListState } from "@/components/conversations/list/use-list-state";
import { viewLabels } from "@/components/conversations/list/views";
import { Skeleton } from "@/components/ui/skeleton";
import { costQueries } from "@/lib/client/cost-queries";
import { views, type View } from "@/lib/model/constants";
import type { CostStacking } from "@/lib/model/costs";
import { BreakdownTable } from "./breakdown-table";
import { chartData } from "./chart-data";
import { ChartTable } from "./chart-table";
import { fillTimeGroups, timeGrouping } from "./format";
import { exportListQuery } from "./group-filter";
import { LineItems } from "./line-items";
import { Segmented } from "./segmented";
import type { ChartMetric } from "./spend-chart";
import { TotalsCards } from "./totals-cards";

/** recharts is loaded with the chart, after the page's first paint. */
const SpendChart = dynamic(() => import("./spend-chart").then((module) => module.SpendChart), {
  ssr: false,
  loading: () => <Skeleton className="h-72 w-full" />,
});

const stackOptions = [
  { value: "provider", label: "By provider" },
  { value: "responder", label: "By responder" },
] as const;
const metricOptions = [
  { value: "cost", label: "Spend" },
  { value: "count", label: "Conversations" },
] as const;
const displayOptions = [
  { value: "chart", label: "Chart" },
  { value: "table", label: "Table" },
] as const;

export function CostsPage() {
  const list = useListState();
  const { params } = list;
  const facets = useListFacets(params.connection);
  const [stackBy, setStackBy] = useState<CostStacking>("provider");
  const [metric, setMetric] = useState<ChartMetric>("cost");
  const [display, setDisplay] = useState<"chart" | "table">("chart");
  const grouping = timeGrouping(params.from, params.to);

  const overTime = useQuery(costQueries.costs(params, { groupBy: grouping, stackBy }));
  const byConnection = useQuery(costQueries.costs(params, { groupBy: "connection" }));
  const byResponder = useQuery(costQueries.costs(params, { groupBy: "responder" }));
  const byChannel = useQuery(costQueries.costs(params, { groupBy: "channel" }));
  const byLabel = useQuery(costQueries.costs(params, { groupBy: "label" }));
  const answer = overTime.data;
  const currency = answer ? (answer.currency ?? answer.currencies[0] ?? null) : null;
  const groups = answer ? fillTimeGroups(answer.groups, grouping, { from: params.from, to: params.to }) : [];
  const unit = grouping === "day" ? "day" : "week";
  const stackLabel = stackBy === "provider" ? "Provider" : "Responder";
  const chartLabel = `${metric === "cost" ? `Spend${currency ? ` in ${currency}` : ""}` : "Conversations"} by ${unit}, stacked by ${stackLabel.toLowerCase()}`;

  return (
    <div className="flex h-full min-h-0 flex-col overflow-auto">
      <div className="flex flex-col gap-3 border-b px-4 pt-4 pb-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">Costs</h1>
          <span className="text-muted-foreground text-sm">{viewLabels[params.view]}</span>
          <div className="ml-auto">
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
      <div className="flex flex-col gap-6 px-4 py-4">
        {overTime.isError ? (
          <p role="alert" className="text-destructive text-sm">
            The costs could not be loaded: {overTime.error.message}
          </p>
        ) : null}
        <div className="flex flex-col gap-2">
          <div className="flex items-center justify-end">
            <ExportMenu
              listQuery={exportListQuery(params)}
              total={answer?.totals.conversations ?? null}
              formats={["csv"]}
              text="Export all (CSV)"
            />
          </div>
          {answer ? <TotalsCards totals={answer.totals} /> : <Skeleton className="h-24 w-full" />}
        </div>
        <section aria-labelledby="costs-over-time" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="costs-over-time" className="mr-auto text-base font-semibold">
              Over time, by {unit}
            </h2>
            <Segmented label="Measure" value={metric} options={metricOptions} onChange={setMetric} />
            <Segmented label="Stack" value={stackBy} options={stackOptions} onChange={setStackBy} />
            <Segmented label="Show as" value={display} options={displayOptions} onChange={setDisplay} />
          </div>
          {answer && answer.currencies.length > 1 && metric === "cost" ? (
            <p className="text-muted-foreground text-sm">
              Costs come in {answer.currencies.join(" and ")}; the chart shows {currency} only. The table
              shows every currency.
            </p>
          ) : null}
          {!answer ? (
            <Skeleton className="h-72 w-full" />
          ) : display === "chart" ? (
            <SpendChart
              data={chartData(groups, currency)}
              metric={metric}
              currency={currency}
              label={chartLabel}
            />
          ) : (
            <ChartTable
              groups={groups}
              caption={`Conversations and spend by ${unit} and ${stackLabel.toLowerCase()}`}
              stackLabel={stackLabel}
              params={params}
              grouping={grouping}
            />
          )}
        </section>
        <div className="grid gap-6 2xl:grid-cols-2">
          <BreakdownTable
            title="By connection"
            grouping="connection"
            groups={byConnection.data?.groups ?? []}
            params={params}
          />
          <BreakdownTable
            title="By responder"
            grouping="responder"
            groups={byResponder.data?.groups ?? []}
            params={params}
          />
          <BreakdownTable
            title="By channel"
            grouping="channel"
            groups={byChannel.data?.groups ?? []}
            params={params}
          />
          <BreakdownTable
            title="By label"
            grouping="label"
            groups={byLabel.data?.groups ?? []}
            params={params}
            note="A conversation with several labels counts in each of them, so these rows overlap and are not added up. Conversations without a label are the “No label” row."
          />
          <LineItems params={params} />
        </div>
      </div>
    </div>
  );
}
