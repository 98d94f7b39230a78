// Progress on a terminal (a real pseudo-terminal from util-linux `script`): plan shows that it is
// reading a slow organization; apply prints one stable, numbered line per operation in plan order,
// batches counted per member, with a live line for what runs. Off a terminal: no live line at all.
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { org, ADMIN, type Org } from '../helpers/org.js';

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function onTty(o: Org, args: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', `${process.execPath} ${BIN} ${args}`, '/dev/null'], {
      cwd: o.dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'dumb', ...o.env },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** What stays on the screen: each \r\x1b[2K erases the line written since the last newline. */
function screen(raw: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const part of raw.replace(/\r\n/g, '\n').split(/(\r\x1b\[2K|\n)/)) {
    if (part === '\n') {
      lines.push(current);
      current = '';
    } else if (part === '\r\x1b[2K') current = '';
    else current += part;
  }
  if (current) lines.push(current);
  return lines;
}

const MEMBERS = [ADMIN, ...['a', 'b', 'c'].map((n) => ({ id: `user_${n}`, email: `${n}@example.com`, role: 'org:member' as const }))];

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('plan shows it is reading, then only the plan remains; apply numbers every operation in plan order', async () => {
    const o = await org({ organization_members: MEMBERS, workspaces: [{ slug: 'ml', name: 'ML' }], keys: [{ name: 'bot', limit: 1 }] }, { latencyMs: 200 });
    o.write('openrouter.admin.yaml', 'version: 1\nworkspaces:\n  - { slug: ml, name: ML, members: [a@example.com, b@example.com, c@example.com] }\nkeys:\n  - { name: bot, limit: 2 }\n');
    const plan = await onTty(o, 'plan');
    expect(plan.code).toBe(0);
    expect(plan.output).toMatch(/Reading the organization… \d+ requests?/);
    const planScreen = screen(plan.output);
    expect(planScreen.some((l) => l.includes('Reading the organization'))).toBe(false); // erased
    expect(planScreen).toContain('oradmin will perform these operations, in this order:');

    const apply = await onTty(o, 'apply --auto-approve');
    expect(apply.code, apply.output).toBe(0);
    const lines = screen(apply.output).filter((l) => /^\[\d+\/\d+\] /.test(l));
    // Four operations: the three members (one batch, a line each) and the key's update, in plan order.
    expect(lines.map((l) => l.replace(/^(\[\d+\/\d+\] ok \S+ \S+).*$/, '$1'))).toEqual([
      '[1/4] ok create workspace_member.ml/a@example.com',
      '[2/4] ok create workspace_member.ml/b@example.com',
      '[3/4] ok create workspace_member.ml/c@example.com',
      '[4/4] ok update key.default/bot',
    ]);
    // While it ran, a live line said what.
    expect(apply.output).toMatch(/… \d\/4 done; running /);
    expect(screen(apply.output).some((l) => l.startsWith('… '))).toBe(false); // the live line is gone at the end
  });
});

describe('progress off a terminal', () => {
  it('no live line: one plain line per operation, with its time', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 2 }\n');
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\r|\u001b|Reading the organization/);
    expect(r.stderr).toMatch(/^\[1\/1\] ok update key\.default\/bot \(\d+ ms\)$/m);
  });
});
