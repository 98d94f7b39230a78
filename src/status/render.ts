// The status report for a terminal (aligned tables, colour only when asked), for scripts (the
// report object as JSON, its shape documented in report.ts) and for a job summary (markdown).
import kleur from 'kleur';
import { RATE_DAYS, type BudgetForecast, type KeyForecast } from '../activity/forecast.js';
import { EXPIRY_WARNING_DAYS, NEAR_LIMIT, type KeyFlag, type KeyStatus, type StatusReport } from './report.js';
import { htmlText, jsonText, mdCellCode, mdCellText, mdCode, mdText, terminalText as t } from '../untrusted.js';
import { rotationMarkdown, rotationText } from './rotation.js';

const FLAG_TEXT: Record<KeyFlag, string> = {
  'limit-reached': 'AT LIMIT',
  'near-limit': `≥${NEAR_LIMIT * 100}% used`,
  expired: 'EXPIRED',
  expiring: 'expires soon',
  disabled: 'disabled',
  'never-used': 'never used',
};

export function renderStatusJson(report: StatusReport): string {
  return `${jsonText(JSON.stringify(report, null, 2))}\n`;
}

export function renderStatusText(report: StatusReport, opts: { color: boolean }): string {
  const k = kleur;
  k.enabled = opts.color;
  const flagPaint: Record<KeyFlag, (s: string) => string> = {
    'limit-reached': k.red,
    expired: k.red,
    'near-limit': k.yellow,
    expiring: k.yellow,
    disabled: k.dim,
    'never-used': k.dim,
  };
  const out: string[] = [k.bold(`Organization status at ${when(report)}`), ''];
  const c = report.credits;
  out.push(`Credits: ${usd(c.total)} total, ${usd(c.used)} used, ${k.bold(usd(c.remaining))} remaining`, '');

  for (const ws of report.workspaces) {
    out.push(k.bold(`Workspace ${t(ws.slug)}`) + (ws.name !== ws.slug ? ` (${t(ws.name)})` : '') + `: ${count(ws.keys.length, 'key')}`);
    if (ws.keys.length > 0) {
      const rows = ws.keys.map((key) => [t(key.name), period(key), usd(key.usage), key.limit === null ? '—' : usd(key.limit), percent(key), expiry(key), key.guardrail === null ? '—' : t(key.guardrail), flagList(key)]);
      const lines = table(['KEY', 'PERIOD', 'USAGE', 'LIMIT', 'USED', 'EXPIRES', 'GUARDRAIL', 'FLAGS'], rows, new Set([2, 3, 4]));
      // Colour goes on after padding, so that escape codes do not upset the alignment.
      out.push(lines[0]!, ...ws.keys.map((key, i) => paintFlags(lines[i + 1]!, key, flagPaint)));
    }
    out.push('');
  }

  out.push(k.bold('Guardrails'));
  if (report.guardrails.length === 0) out.push('  (none)');
  else out.push(...table(['GUARDRAIL', 'KEYS', 'MEMBERS'], report.guardrails.map((g) => [t(guardrailName(g)), t(g.keys.join(', ')) || '—', t(g.members.join(', ')) || '—'])));
  out.push('');

  out.push(...rotationText(report.rotation, k.bold));

  if (report.interrupted.length > 0) {
    out.push(k.bold('Interrupted key creations') + ' (the next apply finishes or removes them)');
    for (const i of report.interrupted) out.push(`  ${t(`${i.workspace}/${i.name}`)}  (key ${t(i.hash.slice(0, 12))}…)`);
    out.push('');
  }

  // Forecasts were added to format_version 1: a report object made before them has none.
  if (report.forecasts) out.push(k.bold('Forecasts') + ' at recent rates', ...forecastSentences(report, t).map((line) => `  ${line}`), '');

  const u = report.unmanaged;
  if (!u.compared) {
    out.push(`Unmanaged objects: not compared, ${t(u.file)} was not found (give the desired-state file with -f).`);
  } else if (u.objects.length === 0) {
    out.push(`Unmanaged objects: none, everything live is declared in ${t(u.file)}.`);
  } else {
    out.push(k.bold(`Unmanaged objects: ${count(u.objects.length, 'live object')} not declared in ${t(u.file)}`));
    for (const o of u.objects) out.push(`  ${t(o.address)}`);
  }
  out.push('', summary(report));
  return `${out.join('\n')}\n`;
}

export function renderStatusMarkdown(report: StatusReport): string {
  const c = report.credits;
  const out: string[] = [`### Organization status at ${when(report)}`, '', `**Credits:** ${usd(c.total)} total · ${usd(c.used)} used · **${usd(c.remaining)} remaining**`, ''];
  for (const ws of report.workspaces) {
    out.push(`#### Workspace ${mdCode(ws.slug)}${ws.name !== ws.slug ? ` (${mdText(ws.name)})` : ''}: ${count(ws.keys.length, 'key')}`, '');
    if (ws.keys.length === 0) continue;
    out.push('| key | period | usage | limit | used | expires | guardrail | flags |', '|---|---|--:|--:|--:|---|---|---|');
    for (const key of ws.keys) {
      const flags = key.flags.map((f) => (f === 'limit-reached' || f === 'expired' ? `**${FLAG_TEXT[f]}**` : FLAG_TEXT[f])).join(', ');
      out.push(
        `| ${mdCellCode(key.name)} | ${period(key)} | ${usd(key.usage)} | ${key.limit === null ? '—' : usd(key.limit)} | ${percent(key)} | ${expiry(key)} | ${key.guardrail ? mdCellCode(key.guardrail) : '—'} | ${flags} |`,
      );
    }
    out.push('');
  }
  out.push('#### Guardrails', '');
  if (report.guardrails.length === 0) out.push('None.');
  else {
    out.push('| guardrail | keys | members |', '|---|---|---|');
    for (const g of report.guardrails) out.push(`| ${mdCellCode(guardrailName(g))} | ${mdCellText(g.keys.join(', ')) || '—'} | ${mdCellText(g.members.join(', ')) || '—'} |`);
  }
  out.push('');
  out.push(...rotationMarkdown(report.rotation));
  if (report.interrupted.length > 0) {
    out.push('#### Interrupted key creations', '', 'The next apply finishes or removes them.', '');
    for (const i of report.interrupted) out.push(`- ${mdCode(`${i.workspace}/${i.name}`)}`);
    out.push('');
  }
  if (report.forecasts) out.push('**Forecasts** at recent rates', '', ...forecastSentences(report, mdCode, mdText).map((line) => `- ${line}`), '');
  const u = report.unmanaged;
  if (!u.compared) out.push(`**Unmanaged objects:** not compared, ${mdCode(u.file)} was not found.`, '');
  else if (u.objects.length === 0) out.push(`**Unmanaged objects:** none, everything live is declared in ${mdCode(u.file)}.`, '');
  else {
    out.push(`<details><summary>Unmanaged objects: ${count(u.objects.length, 'live object')} not declared in <code>${htmlText(u.file)}</code></summary>`, '');
    for (const o of u.objects) out.push(`- ${mdCode(o.address)}`);
    out.push('', '</details>', '');
  }
  out.push(summary(report), '');
  return out.join('\n');
}

/**
 * One sentence per forecast, each saying what it is based on; `name` shows a name from the
 * organization in the medium (terminalText, mdCode), `text` any other untrusted text.
 */
function forecastSentences(report: StatusReport, name: (s: string) => string, text: (s: string) => string = name): string[] {
  const f = report.forecasts;
  const out: string[] = [];
  const recent = f.activity ? ` (${f.activity.first} to ${f.activity.last})` : '';
  if (f.credits) {
    const c = f.credits;
    out.push(
      c.remaining <= 0
        ? 'Credits: none remaining.'
        : `Credits: ${usd(c.remaining)} remaining, enough for about ${runwayDays(c.runway_days)} (until ${day(c.runs_out_at)}) at the last ${c.basis.days} days' average spend of ${usd(c.rate_per_day)}/day${recent}.`,
    );
  }
  for (const key of f.keys) if (key.reached || key.reaches_at !== null) out.push(keySentence(key, name));
  const calm = f.keys.filter((key) => !key.reached && key.reaches_at === null).length;
  if (calm > 0) out.push(`${count(calm, 'more key')} with a limit ${calm === 1 ? 'stays' : 'stay'} below it at the current rate.`);
  for (const b of f.budgets) if (b.reached || b.reaches_at !== null) out.push(budgetSentence(b, name, recent, report.generated_at.slice(0, 10)));
  const calmBudgets = f.budgets.filter((b) => !b.reached && b.reaches_at === null).length;
  if (calmBudgets > 0) out.push(`${count(calmBudgets, 'more budget')} ${calmBudgets === 1 ? 'stays' : 'stay'} below ${calmBudgets === 1 ? 'its limit' : 'their limits'} until the reset at the last ${RATE_DAYS} days' average.`);
  for (const n of f.not_forecast) out.push(`Not forecast: ${n.subject === 'credits' ? 'credits' : name(n.subject)} (${text(n.reason)}).`);
  return out;
}

function keySentence(f: KeyForecast, name: (s: string) => string): string {
  const who = `key ${name(`${f.workspace}/${f.name}`)}`;
  if (f.reached) return `${who}: at its ${usd(f.limit)} limit${f.resets_at ? ` until the ${f.limit_reset} reset on ${moment(f.resets_at)}` : ', which does not reset'}.`;
  const reset = f.resets_at ? `, before the ${f.limit_reset} reset on ${moment(f.resets_at)}` : ' (all-time usage: the limit does not reset)';
  const b = f.basis;
  const basis =
    b.counter === 'usage_daily'
      ? `today's rate so far, ${usd(f.rate_per_day)}/day (${usd(b.spend)} in ${Math.round(b.days * 24 * 10) / 10} hours)`
      : `this ${b.counter === 'usage_weekly' ? 'week' : 'month'}'s average of ${usd(f.rate_per_day)}/day (${usd(b.spend)} in ${b.days} days)`;
  return `${who}: reaches its ${usd(f.limit)} limit around ${moment(f.reaches_at!)}${reset}, at ${basis}.`;
}

function budgetSentence(f: BudgetForecast, name: (s: string) => string, recent: string, today: string): string {
  const who = `budget ${name(`${f.workspace}/${f.interval}`)}`;
  if (f.reached) return `${who}: over its ${usd(f.limit_usd)} limit already (${usd(f.basis.spent)} spent from ${f.basis.since} to yesterday), until the reset on ${moment(f.resets_at)}.`;
  const at = f.reaches_at!;
  const rate = `the last ${f.basis.rate_days} days' average of ${usd(f.rate_per_day)}/day${recent}`;
  // The activity ends yesterday: a limit reached "today" may already have been reached.
  if (at.slice(0, 10) === today) {
    const spent = f.interval === 'daily' ? '' : ` after ${usd(f.basis.spent)} spent from ${f.basis.since} to yesterday`;
    return `${who}: probably reaches its ${usd(f.limit_usd)} limit today, around ${at.slice(11, 16)} UTC${spent}, at ${rate}; today's own spend is not in the activity yet.`;
  }
  const spent = f.interval === 'daily' ? '' : `${usd(f.basis.spent)} spent from ${f.basis.since} to yesterday, then `;
  return `${who}: reaches its ${usd(f.limit_usd)} limit around ${moment(at)}, before the reset on ${moment(f.resets_at)}: ${spent}${rate} from today on.`;
}

function when(r: StatusReport): string {
  return r.generated_at.replace(/\.\d{3}Z$/, 'Z');
}

/** The spend the limit is counted against: a reset period, or all time. */
function period(k: KeyStatus): string {
  return `${k.limit_reset ?? 'total'}${k.byok_included ? ' +BYOK' : ''}`;
}

/** Rounded down, so that 100% is shown only when the limit is reached. */
function percent(k: KeyStatus): string {
  return k.used_fraction === null ? '—' : `${Math.floor(k.used_fraction * 100)}%`;
}

function expiry(k: KeyStatus): string {
  if (k.expires_at === null || k.expires_in_days === null) return '—';
  const date = k.expires_at.slice(0, 10);
  return k.flags.includes('expiring') ? `${date} (${count(k.expires_in_days, 'day')})` : date;
}

function flagList(k: KeyStatus): string {
  return k.flags.map((f) => FLAG_TEXT[f]).join(', ');
}

function paintFlags(line: string, k: KeyStatus, paint: Record<KeyFlag, (s: string) => string>): string {
  const text = flagList(k);
  if (text === '' || !line.endsWith(text)) return line;
  return line.slice(0, line.length - text.length) + k.flags.map((f) => paint[f](FLAG_TEXT[f])).join(', ');
}

function guardrailName(g: { workspace: string | null; name: string }): string {
  return g.workspace === null ? `${g.name} (no workspace)` : `${g.workspace}/${g.name}`;
}

function summary(r: StatusReport): string {
  const n = r.counts;
  return (
    `Keys: ${n['limit-reached']} at limit, ${n['near-limit']} near it, ${n.expired} expired, ` +
    `${n.expiring} expiring within ${EXPIRY_WARNING_DAYS} days, ${n.disabled} disabled, ${n['never-used']} never used.`
  );
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Cents, and a visible "<$0.01" for a spend too small to round to one. */
function usd(n: number): string {
  return n > 0 && n < 0.005 ? '<$0.01' : USD.format(n);
}

/** "2026-11-25 14:32 UTC", or the date alone at midnight (resets). */
function moment(iso: string): string {
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time} UTC`;
}

/** A tenth of a day matters only for a short runway. */
function runwayDays(days: number): string {
  return days < 10 ? `${days} day${days === 1 ? '' : 's'}` : `${Math.round(days).toLocaleString('en-US')} days`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Columns padded to their widest cell; `right` holds the indexes of right-aligned (numeric) ones. */
function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
