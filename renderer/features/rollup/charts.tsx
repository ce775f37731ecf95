/**
 * Charts drawn with recharts as plain SVG. Under the app's Content-Security-Policy (style-src
 * 'self', no 'unsafe-inline') this works because recharts sets its few styles through React's
 * style prop, which React applies through the CSSOM (element.style), and CSP only governs style
 * attributes in markup and <style> elements — checked in the browser harness with the real CSP
 * (test/e2e/reports.e2e.test.ts fails on any console error, CSP refusals included).
 * Animations are off so a printed page never catches a half-drawn chart.
 *
 * Every chart is decoration for sighted readers: it is aria-hidden and not focusable
 * (accessibilityLayer off), and the figure it sits in always has a data table or a sentence
 * with the same figures.
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** Colours that meet 3:1 against white and stay apart for the common colour blindnesses. */
export const SERIES_COLOURS = ['#1d4f91', '#c2410c', '#1e6b34', '#7a4a00', '#6b3fa0', '#4f5761', '#a4262c'];

export function ChartFigure({ caption, children, hint }: { caption: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption className="chart-figure__caption">{caption}</figcaption>
      <div className="chart-figure__chart" aria-hidden="true">
        {children}
      </div>
      {hint ? <p className="muted small no-print">{hint}</p> : null}
    </figure>
  );
}

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

/** Bars per category, stacked or side by side. `rows` hold `category` and one number per series. */
export function BarsChart({ rows, series, stacked = false, horizontal = false, height = 260 }: { rows: Array<Record<string, string | number | null>>; series: BarSeries[]; stacked?: boolean; horizontal?: boolean; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 24 : 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cfd4d9" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#1f2328' }} />
            <YAxis type="category" dataKey="category" width={140} tick={{ fontSize: 12, fill: '#1f2328' }} />
          </>
        ) : (
          <>
            <XAxis dataKey="category" tick={{ fontSize: 12, fill: '#1f2328' }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#1f2328' }} />
          </>
        )}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} stackId={stacked ? 'all' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A line per series over ordered points (`rows` hold `category` and one value per series). */
export function LinesChart({ rows, series, target, height = 220, width, compact = false, legend = false }: { rows: Array<Record<string, string | number | null>>; series: BarSeries[]; target?: number | null; height?: number; width?: number; compact?: boolean; legend?: boolean }) {
  const chart = (
    <LineChart data={rows} width={width} height={width ? height : undefined} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" stroke="#cfd4d9" />
      <XAxis dataKey="category" tick={{ fontSize: compact ? 9 : 11, fill: '#1f2328' }} interval={compact ? 'preserveStartEnd' : 0} />
      <YAxis tick={{ fontSize: compact ? 9 : 11, fill: '#1f2328' }} width={compact ? 28 : 40} />
      {target !== undefined && target !== null ? <ReferenceLine y={target} stroke="#1e6b34" strokeDasharray="4 3" /> : null}
      {legend ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
      {series.map((s) => (
        <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.colour} strokeWidth={2} dot={{ r: 3, fill: s.colour }} connectNulls={false} isAnimationActive={false} />
      ))}
    </LineChart>
  );
  return width ? chart : <ResponsiveContainer width="100%" height={height}>{chart}</ResponsiveContainer>;
}

/** The small trend chart beside an indicator in the printed reports: fixed size, no legend. */
export function TrendSparkline({ points, target }: { points: Array<{ label: string; value: number | null }>; target: number | null }) {
  return (
    <div className="trend-sparkline" aria-hidden="true">
      <LinesChart rows={points.map((p) => ({ category: p.label, value: p.value }))} series={[{ key: 'value', label: '', colour: SERIES_COLOURS[0]! }]} target={target} width={230} height={90} compact />
    </div>
  );
}
