// The status report as an aligned text table (terminal), JSON (scripts) or markdown (job summary).
import kleur from 'kleur';
import type { KeyFlag, KeyStatus, StatusReport } from './report.js';

const FLAG_TEXT: Record<KeyFlag, string> = {
  'limit-reached': 'AT LIMIT',
  'near-limit': '≥80% used',
  expired: 'EXPIRED',
  expiring: 'expires soon',
  disabled: 'disabled',
  'never-used': 'never used',
};

export function renderStatusJson(report: StatusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

function limitText(k: KeyStatus): string {
  if (k.limit === null) return `${usd(k.usage)} (no limit)`;
  const pct = k.used_fraction === null ? '' : ` ${Math.round(k.used_fraction * 100)}%`;
  return `${usd(k.usage)} / ${usd(k.limit)}${k.limit_reset ? ` ${k.limit_reset}` : ''}${pct}`;
}

function expiryText(k: KeyStatus): string {
  return k.expires_at ? k.expires_at.slice(0, 10) : '—';
}

export function renderStatusText(report: StatusReport, opts: { color: boolean }): string {
  const k = kleur;
  k.enabled = opts.color;
  const out: string[] = [];
  const c = report.credits;
  out.push(k.bold('Credits'), `  total ${usd(c.total)}   used ${usd(c.used)}   remaining ${usd(c.remaining)}`, '');
  for (const ws of report.workspaces) {
    out.push(k.bold(`Workspace ${ws.slug}`) + (ws.name !== ws.slug ? k.dim(` (${ws.name})`) : '') + k.dim(` — ${ws.keys.length} key${ws.keys.length === 1 ? '' : 's'}`));
    if (ws.keys.length === 0) {
      out.push('  (no keys)', '');
      continue;
    }
    const rows = ws.keys.map((key) => [key.name, limitText(key), expiryText(key), key.guardrail ?? '—', key.flags.map((f) => FLAG_TEXT[f]).join(', ')]);
    out.push(...table(['key', 'usage / limit', 'expires', 'guardrail', 'flags'], rows).map((l, i) => (i > 1 && /AT LIMIT|EXPIRED/.test(l) ? k.red(l) : l)), '');
  }
  if (report.guardrails.length > 0) {
    out.push(k.bold('Guardrails'));
    out.push(
      ...table(
        ['guardrail', 'keys', 'members'],
        report.guardrails.map((g) => [`${g.workspace}/${g.name}`, g.keys.join(', ') || '—', g.members.join(', ') || '—']),
      ),
      '',
    );
  }
  if (report.interrupted.length > 0) {
    out.push(k.bold('Interrupted key creations') + ' (the next apply finishes or removes them)');
    for (const i of report.interrupted) out.push(`  ${i.workspace}/${i.name} (${i.hash.slice(0, 12)}…)`);
    out.push('');
  }
  if (report.unmanaged === null) {
    out.push(k.dim('Unmanaged objects: no desired-state file was read (use -f).'));
  } else if (report.unmanaged.length === 0) {
    out.push('Unmanaged objects: none — everything live is declared in the file.');
  } else {
    out.push(k.bold(`Unmanaged objects: ${report.unmanaged.length} live object${report.unmanaged.length === 1 ? '' : 's'} not in the file`));
    for (const u of report.unmanaged) out.push(`  ${u.address}`);
  }
  out.push('', summary(report));
  return `${out.join('\n')}\n`;
}

export function renderStatusMarkdown(report: StatusReport): string {
  const c = report.credits;
  const out: string[] = ['### oradmin status', '', `**Credits:** total ${usd(c.total)} · used ${usd(c.used)} · remaining ${usd(c.remaining)}`, ''];
  for (const ws of report.workspaces) {
    out.push(`#### Workspace \`${ws.slug}\`${ws.name !== ws.slug ? ` (${escape(ws.name)})` : ''}`, '');
    if (ws.keys.length === 0) {
      out.push('No keys.', '');
      continue;
    }
    out.push('| key | usage / limit | expires | guardrail | flags |', '|---|---:|---|---|---|');
    for (const key of ws.keys) {
      out.push(`| \`${escape(key.name)}\` | ${limitText(key)} | ${expiryText(key)} | ${key.guardrail ? `\`${escape(key.guardrail)}\`` : '—'} | ${key.flags.map((f) => FLAG_TEXT[f]).join(', ')} |`);
    }
    out.push('');
  }
  if (report.guardrails.length > 0) {
    out.push('#### Guardrails', '', '| guardrail | keys | members |', '|---|---|---|');
    for (const g of report.guardrails) out.push(`| \`${escape(`${g.workspace}/${g.name}`)}\` | ${escape(g.keys.join(', ')) || '—'} | ${escape(g.members.join(', ')) || '—'} |`);
    out.push('');
  }
  if (report.unmanaged && report.unmanaged.length > 0) {
    out.push(`<details><summary>Unmanaged — ${report.unmanaged.length} live objects not in the file</summary>`, '');
    for (const u of report.unmanaged) out.push(`- \`${u.address}\``);
    out.push('', '</details>', '');
  }
  out.push(summary(report), '');
  return out.join('\n');
}

function summary(r: StatusReport): string {
  const n = r.counts;
  return `Keys: ${n['limit-reached']} at limit, ${n['near-limit']} near limit, ${n.expired} expired, ${n.expiring} expiring within 14 days, ${n.disabled} disabled, ${n['never-used']} never used.`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function escape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
