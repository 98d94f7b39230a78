// On a terminal, apply asks first and only "yes" proceeds. util-linux `script` gives the CLI a
// real pseudo-terminal; the answer is typed into it.
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import { expectOnlyLeaseWrites } from '../helpers/lease.js';

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function applyOnTty(o: Org, answer: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const cmd = `${process.execPath} ${BIN} apply`;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: o.dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'dumb', ...o.env } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      output += c;
      if (output.includes("Only 'yes' will be accepted:") && !child.stdin.writableEnded) child.stdin.end(`${answer}\n`);
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!hasScript)('confirmation on a terminal', () => {
  it('anything but "yes" cancels without a write; "yes" applies', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 2 }\n');
    const no = await applyOnTty(o, 'y');
    expect(no.output).toContain('Apply this operation?');
    expect(no.output).toContain('apply cancelled. Nothing was changed.');
    expect(no.code).toBe(1);
    expectOnlyLeaseWrites(o);
    const yes = await applyOnTty(o, 'yes');
    expect(yes.output).toContain('Apply complete: 1 operation done');
    expect(yes.code).toBe(0);
    expect(o.sb.state.findKeyByName('bot', 'default')!.limit).toBe(2);
  });
});
