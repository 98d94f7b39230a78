// An activity report for a terminal: totals, the ranked rows as an aligned table (numbers
// right-aligned), and last the per-day spend chart. Every name from the API goes through
// terminalText; no colour is needed to read any of it.
import { terminalText as t } from '../untrusted.js';
import { textChart } from './chart.js';
import { DIMENSION_COLUMN, DIMENSION_TITLE, filterParts, periodText } from './describe.js';
import { compact, integer, percent, plural, shortDay, usd } from './format.js';
import type { ActivityReport, KeyRow, RestOfRows } from './report.js';

export function renderActivityText(r: ActivityReport): string {
  const out: string[] = [`Spend by ${DIMENSION_TITLE[r.by]}, ${periodText(r)}`];
  const filters = filterParts(r);
  if (filters.length > 0) out.push(`Only ${filters.map(([what, value]) => `${what} ${t(value)}`).join(', ')}`);
  const s = r.totals;
  out.push(
    '',
    `Total: ${usd(s.usage)} spent, ${usd(s.byok_usage)} BYOK, ${plural(s.requests, 'request')}; ` +
      `tokens: ${integer(s.prompt_tokens)} prompt, ${integer(s.completion_tokens)} completion, ${integer(s.reasoning_tokens)} reasoning`,
    '',
  );
  if (r.by === 'key') out.push(...keyTable(r.rows, r.counters, r.rest));
  else if (r.rows.length === 0) out.push('  No activity in this period.');
  else {
    const rows = r.rows.map((row) => [
      t(row.label),
      usd(row.metrics.usage),
      percent(row.share),
      usd(row.metrics.byok_usage),
      integer(row.metrics.requests),
      compact(row.metrics.prompt_tokens),
      compact(row.metrics.completion_tokens),
      compact(row.metrics.reasoning_tokens),
    ]);
    if (r.rest) rows.push(restRow(r.rest, 8));
    out.push(...table([DIMENSION_COLUMN[r.by].toUpperCase(), 'SPEND', 'SHARE', 'BYOK', 'REQUESTS', 'PROMPT', 'COMPLETION', 'REASONING'], rows, new Set([1, 2, 3, 4, 5, 6, 7])));
  }
  out.push('', 'Daily spend', ...textChart(r.daily));
  return `${out.join('\n')}\n`;
}

function keyTable(rows: readonly KeyRow[], counters: { day: string; week_from: string; month_from: string }, rest: RestOfRows | null): string[] {
  const head = `Keys by their own usage counters: today (${counters.day}), this week (from ${shortDay(counters.week_from)}), this month (from ${counters.month_from})`;
  if (rows.length === 0) return [head, '  No keys.'];
  const cells = rows.map((k) => [
    t(k.label) + (k.disabled ? ' (disabled)' : ''),
    usd(k.usage.day),
    usd(k.usage.week),
    usd(k.usage.month),
    percent(k.share),
    usd(k.byok_usage.month),
    k.limit === null ? '—' : `${usd(k.limit)} ${t(k.limit_reset ?? 'total')}`,
  ]);
  if (rest) cells.push(restRow(rest, 7, 3));
  return [head, ...table(['KEY', 'TODAY', 'WEEK', 'MONTH', 'SHARE', 'BYOK MONTH', 'LIMIT'], cells, new Set([1, 2, 3, 4, 5]))];
}

/** "(12 more)" with their spend and share, in the columns of spend (`at`) and share (`at`+1). */
function restRow(rest: RestOfRows, columns: number, at = 1): string[] {
  const cells = Array.from({ length: columns }, () => '');
  cells[0] = `(${integer(rest.count)} more)`;
  cells[at] = usd(rest.usage);
  cells[at + 1] = percent(rest.share);
  return cells;
}

/** Columns padded to their widest cell; `right` holds the indexes of right-aligned (numeric) ones. */
function table(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
