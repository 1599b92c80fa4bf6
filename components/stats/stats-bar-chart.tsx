"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type TChartSeries = { key: string; name: string };
export type TChartDatum = Record<string, string | number | null>;

// Colour-blind-safe (Okabe–Ito); the legend names each series, and the table under the chart holds
// the same numbers, so nothing depends on colour.
const COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"];

const subscribeNothing = () => () => {};

// A bar chart of numbers computed on the server (plain data in, nothing fetched here). It is a
// picture of the table that follows it: hidden from assistive technology, which reads the table.
// Drawn in the browser only: recharts measures its container, and the server's HTML must carry no
// style attribute (the Content-Security-Policy allows styles by nonce only; styles set from script
// after hydration are not attributes in markup).
export function StatsBarChart({ data, categoryKey, series, horizontal = false, unit }: { data: TChartDatum[]; categoryKey: string; series: TChartSeries[]; horizontal?: boolean; unit?: string }) {
  const inBrowser = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const height = horizontal ? Math.max(220, 36 * data.length + 80) : 300;
  if (!inBrowser) return <div aria-hidden="true" className="h-[300px] w-full" />;
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <BarChart responsive data={data} layout={horizontal ? "vertical" : "horizontal"} accessibilityLayer={false} style={{ width: "100%", height: "100%" }} margin={{ top: 10, right: 20, bottom: 10, left: horizontal ? 40 : 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" unit={unit} allowDecimals={false} />
            <YAxis type="category" dataKey={categoryKey} width={220} tick={{ fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
            <YAxis unit={unit} />
          </>
        )}
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
