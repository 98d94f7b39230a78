// `oradmin activity -o csv`: the ranked rows for a spreadsheet, one line each, columns named as in
// the JSON document. RFC 4180: CRLF line ends, text fields in double quotes with quotes doubled.
// A spreadsheet runs a cell that starts with = + - @ as a formula (OWASP, "CSV injection"), so such
// text gets a leading apostrophe; control characters are shown escaped (terminalText), so that no
// name can break a line. Amounts are the exact decimals, never in exponent notation.
import { terminalText } from '../untrusted.js';
import { ExactSum } from './exact-sum.js';
import type { ActivityReport } from './report.js';

type Cell = string | number | boolean | null;

const METRICS = ['usage', 'byok_usage', 'requests', 'prompt_tokens', 'completion_tokens', 'reasoning_tokens'] as const;
const ID_COLUMNS: Record<Exclude<ActivityReport['by'], 'key'>, string[]> = {
  model: ['model'],
  provider: ['provider'],
  day: ['date'],
  workspace: ['workspace', 'workspace_id'],
  endpoint: ['endpoint_id', 'model', 'provider'],
};

export function renderActivityCsv(r: ActivityReport): string {
  let header: string[];
  let rows: Cell[][];
  if (r.by === 'key') {
    header = ['key', 'workspace', 'name', 'hash', 'disabled', 'limit', 'limit_reset', 'usage_day', 'usage_week', 'usage_month', 'byok_usage_day', 'byok_usage_week', 'byok_usage_month', 'share'];
    rows = r.rows.map((k) => [k.key, k.workspace, k.name, k.hash, k.disabled, k.limit, k.limit_reset, k.usage.day, k.usage.week, k.usage.month, k.byok_usage.day, k.byok_usage.week, k.byok_usage.month, k.share]);
  } else {
    const ids = ID_COLUMNS[r.by];
    header = [...ids, ...METRICS, 'share'];
    rows = r.rows.map((row) => [...ids.map((c) => row.id[c] ?? null), ...METRICS.map((m) => row.metrics[m]), row.share]);
  }
  // The header is ours (plain identifiers): unquoted.
  return [header.join(','), ...rows.map((cells) => cells.map(cell).join(','))].map((line) => `${line}\r\n`).join('');
}

function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return new ExactSum().add(v).toDecimal();
  const text = terminalText(v);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
