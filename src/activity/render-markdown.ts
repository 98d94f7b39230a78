// An activity report for a job summary, an issue or a PR comment: totals, the ranked rows as a GFM
// table and a mermaid `xychart-beta` chart of daily spend. Names from the API are table-cell code
// spans (mdCellCode) or code spans (mdCode), so none can leave its cell or add markup; the chart
// holds only dates and amounts.
import { mdCellCode, mdCellText, mdCode } from '../untrusted.js';
import { mermaidChart } from './chart.js';
import { DIMENSION_COLUMN, DIMENSION_TITLE, filterParts, periodText } from './describe.js';
import { compact, integer, percent, plural, shortDay, usd } from './format.js';
import type { ActivityReport, KeyRow, RestOfRows } from './report.js';

export function renderActivityMarkdown(r: ActivityReport): string {
  const out: string[] = [`### OpenRouter spend by ${DIMENSION_TITLE[r.by]}, ${periodText(r)}`, ''];
  const filters = filterParts(r);
  if (filters.length > 0) out.push(`Only ${filters.map(([what, value]) => `${what} ${mdCode(value)}`).join(', ')}.`, '');
  const s = r.totals;
  out.push(
    `**Total:** ${usd(s.usage)} spent · ${usd(s.byok_usage)} BYOK · ${plural(s.requests, 'request')} · ` +
      `tokens: ${integer(s.prompt_tokens)} prompt, ${integer(s.completion_tokens)} completion, ${integer(s.reasoning_tokens)} reasoning`,
    '',
  );
  if (r.by === 'key') out.push(...keyTable(r.rows, r.counters, r.rest));
  else if (r.rows.length === 0) out.push('No activity in this period.');
  else {
    out.push(`| ${DIMENSION_COLUMN[r.by]} | spend | share | BYOK | requests | prompt | completion | reasoning |`, '|---|--:|--:|--:|--:|--:|--:|--:|');
    for (const row of r.rows) {
      const m = row.metrics;
      out.push(
        `| ${mdCellCode(row.label)} | ${usd(m.usage)} | ${percent(row.share)} | ${usd(m.byok_usage)} | ${integer(m.requests)} | ${compact(m.prompt_tokens)} | ${compact(m.completion_tokens)} | ${compact(m.reasoning_tokens)} |`,
      );
    }
    if (r.rest) out.push(`| ${restText(r.rest)} | ${usd(r.rest.usage)} | ${percent(r.rest.share)} | | | | | |`);
  }
  out.push('', '#### Daily spend', '', ...mermaidChart(r.daily, 'Daily spend (USD)'), '');
  return out.join('\n');
}

function keyTable(rows: readonly KeyRow[], counters: { day: string; week_from: string; month_from: string }, rest: RestOfRows | null): string[] {
  const out = [`Keys by their own usage counters: today (${counters.day}), this week (from ${shortDay(counters.week_from)}), this month (from ${counters.month_from}).`, ''];
  if (rows.length === 0) return [...out, 'No keys.'];
  out.push('| key | today | week | month | share | BYOK month | limit |', '|---|--:|--:|--:|--:|--:|---|');
  for (const k of rows) {
    out.push(
      `| ${mdCellCode(k.label)}${k.disabled ? ' (disabled)' : ''} | ${usd(k.usage.day)} | ${usd(k.usage.week)} | ${usd(k.usage.month)} | ${percent(k.share)} | ${usd(k.byok_usage.month)} | ${k.limit === null ? '—' : `${usd(k.limit)} ${mdCellText(k.limit_reset ?? 'total')}`} |`,
    );
  }
  if (rest) out.push(`| ${restText(rest)} | | | ${usd(rest.usage)} | ${percent(rest.share)} | | |`);
  return out;
}

function restText(rest: RestOfRows): string {
  return `(${integer(rest.count)} more)`;
}
