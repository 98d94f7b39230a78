// `npm run demo` is the newcomer's first five minutes: it must run the whole lifecycle and exit 0.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

it('npm run demo shows validate, plan, apply and a plan with nothing left to change, and exits 0', async () => {
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'scripts/demo.mjs')], { cwd: REPO, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  expect(stderr).not.toContain('demo: expected');
  expect(code).toBe(0);
  expect(stdout).toContain('openrouter.admin.yaml is valid');
  expect(stdout).toContain('~ key.default/prod-bot');
  expect(stdout).toMatch(/Apply complete: 10 operations done; a new plan is empty\. 1 new secret delivered to the secrets file .*secrets\.json\./);
  // The key created in the dashboard is still reported: drift for a cron, exit 2.
  expect(stdout).toContain('No changes to make, but 1 live object is not in the file.');
  expect(stdout).toContain('(exit code 2)');
  expect(stdout).toMatch(/The secrets of the 1 new key\(s\) \(research\/notebook\) are in .* \(mode 600\)/);
  expect(stdout + stderr).not.toMatch(/sk-or-v1-[0-9a-f]{64}/);
});
