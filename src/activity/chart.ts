// Pictures of daily spend (PRODUCT.md section 9): bars of block characters for a terminal — within
// 80 columns, readable without colour, every bar labelled with its amount — and a mermaid
// `xychart-beta` bar chart for markdown, which GitHub renders in job summaries, issues and PR
// comments. Only dates and amounts go into either, never a name from the API.
import { ExactSum } from './exact-sum.js';
import { shortDay, usd } from './format.js';
import type { DailySpend } from './report.js';

export const CHART_WIDTH = 80;

/** Eighths of a cell, so that close amounts still get visibly different bars. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** One line per day: `  Mon 11-02 ███████▍   $12.34`, none wider than `width`. */
export function textChart(daily: readonly DailySpend[], width = CHART_WIDTH): string[] {
  if (daily.length === 0) return [];
  const amounts = daily.map((d) => usd(d.usage));
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  const prefix = 2 + 'Mon 11-02'.length + 1;
  const barWidth = Math.max(10, width - prefix - 1 - amountWidth);
  const max = Math.max(...daily.map((d) => d.usage));
  const lines = daily.map((d, i) => `  ${shortDay(d.date)} ${bar(d.usage, max, barWidth).padEnd(barWidth)} ${amounts[i]!.padStart(amountWidth)}`);
  const total = new ExactSum();
  for (const d of daily) total.add(d.usage);
  const peak = daily.reduce((best, d) => (d.usage > best.usage ? d : best), daily[0]!);
  const footer =
    max > 0
      ? `  ${usd(total.toNumber())} in ${daily.length} day${daily.length === 1 ? '' : 's'}, ${usd(total.toNumber() / daily.length)}/day on average, most on ${shortDay(peak.date)}`
      : '  No spend on any of these days.';
  return [...lines, footer];
}

function bar(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0) return '';
  const eighths = Math.round((value / max) * width * 8);
  // A day with any spend shows at least a sliver: "nothing" and "a little" must look different.
  const n = Math.max(1, eighths);
  return '█'.repeat(Math.floor(n / 8)) + EIGHTHS[n % 8]!;
}

/** A fenced mermaid block: one bar per day, in USD. */
export function mermaidChart(daily: readonly DailySpend[], title: string): string[] {
  const max = Math.max(0, ...daily.map((d) => d.usage));
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title.replace(/["\\]/g, '')}"`,
    `    x-axis [${daily.map((d) => `"${d.date.slice(5)}"`).join(', ')}]`,
    `    y-axis "USD" 0 --> ${niceCeiling(max)}`,
    `    bar [${daily.map((d) => cents(d.usage)).join(', ')}]`,
    '```',
  ];
}

function cents(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `n` (at least 1): a round top for the axis. */
function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}
