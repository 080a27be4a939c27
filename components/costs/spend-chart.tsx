"use client";
/**
 * Spend or conversations over time, stacked by provider or responder, drawn with recharts. Every
 * colour is a CSS variable of the theme (`--chart-1` … `--chart-5`, `--border`,
 * `--muted-foreground`), so the chart follows light and dark without re-rendering. The chart is an
 * image for assistive technology (its name says what it shows) and not a keyboard stop (recharts'
 * accessibility layer is off); the same numbers are in the table view beside it. Legend text
 * is in the foreground colour: the series colours are for the bars, not for text.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartData, ChartRow } from "./chart-data";
import { formatCount, formatMoney } from "./format";

export type ChartMetric = "cost" | "count";

const colour = (index: number) => (index < 5 ? `var(--chart-${index + 1})` : "var(--muted-foreground)");

export function SpendChart({
  data,
  metric,
  currency,
  label,
}: {
  data: ChartData;
  metric: ChartMetric;
  currency: string | null;
  label: string;
}) {
  const format = (value: number) =>
    metric === "cost" ? (currency ? formatMoney(value, currency) : String(value)) : formatCount(value);
  return (
    <div role="img" aria-label={label} className="h-72 w-full" data-testid="costs-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data.rows}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="label"
            tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: "var(--border)" }}
            minTickGap={16}
          />
          <YAxis
            tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={72}
            tickFormatter={(value: number) => format(value)}
          />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={{
              background: "var(--popover)",
              color: "var(--popover-foreground)",
              border: "1px solid var(--border)",
              borderRadius: 8,
              fontSize: 12,
            }}
            formatter={(value) => format(Number(value))}
          />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span style={{ color: "var(--foreground)" }}>{String(value)}</span>}
          />
          {data.series.map((series, index) => (
            <Bar
              key={series.id}
              name={series.label}
              stackId="stack"
              dataKey={(row: ChartRow) => row.values[`${metric}:${series.id}`] ?? 0}
              fill={colour(index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
