// examples/github/spend-report.yml run step by step on this machine (test/github/runner.ts) against
// the sandbox seeded with a month of activity, the clocks fixed (test/activity/helpers.ts).
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/cli.js';
import { activityOrg, clockEnv } from '../activity/helpers.js';
import { dateOf, inWindow, ROWS } from '../activity/seed.js';
import { expectMarkdownIntact } from '../untrusted/hostile.js';
import type { Org } from '../helpers/org.js';
import { runWorkflow } from './runner.js';

const WORKFLOW = path.join(REPO, 'examples/github/spend-report.yml');

/** A checkout of the configuration repository, and `oradmin` on the PATH as `npm link` would put it. */
function checkout(o: Org) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-repo-'));
  writeFileSync(path.join(dir, 'openrouter.admin.yaml'), 'version: 1\nkeys:\n  - { name: prod-bot, limit: 100, limit_reset: monthly }\n');
  const bin = path.join(dir, '..', `${path.basename(dir)}-bin`);
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'oradmin'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(bin, 'oradmin'), 0o755);
  return {
    dir,
    env: { ...clockEnv(), OPENROUTER_API_URL: o.sb.url, PATH: `${bin}:${path.dirname(process.execPath)}:${process.env.PATH ?? ''}` },
  };
}

describe('examples/github/spend-report.yml', () => {
  it('puts the week of spend by model and workspace, with charts, and the forecasts in the job summary — reading only', async () => {
    const o = await activityOrg();
    const repo = checkout(o);
    const r = await runWorkflow(WORKFLOW, { cwd: repo.dir, secrets: { OPENROUTER_MANAGEMENT_KEY: o.sb.managementKey }, github: { repository: 'acme/openrouter-config' }, env: repo.env });
    expect(r.steps.map((s) => [s.name, s.skipped, s.code])).toEqual([
      ['actions/checkout@v4', false, 0],
      ['actions/checkout@v4', false, 0],
      ['actions/setup-node@v4', false, 0],
      ['Install oradmin', true, 0],
      ['Spend report', false, 0],
    ]);
    expect(r.success).toBe(true);
    expect(r.workflow.on).toEqual({ schedule: [{ cron: '23 7 * * 1' }], workflow_dispatch: {} });
    expect(r.workflow.permissions).toEqual({ contents: 'read' });

    const s = r.summary;
    expect(s).toMatch(/^### OpenRouter spend by model, 2026-11-11 to 2026-11-17 \(7 completed UTC days\)\n/);
    expect(s).toContain('\n### OpenRouter spend by workspace, 2026-11-11 to 2026-11-17 (7 completed UTC days)\n');
    expect(s.match(/\n```mermaid\nxychart-beta\n/g)).toHaveLength(2);
    expect(s).toContain('\n### Organization status at 2026-11-18T12:00:00Z\n');
    expect(s).toContain('- key `default/prod-bot`: reaches its $100.00 limit around 2026-11-21 14:07 UTC, before the monthly reset on 2026-12-01');
    // The week's total is the seed's, to the cent.
    const week = ROWS.filter((row) => inWindow(row) && dateOf(row) >= '2026-11-11').reduce((sum, row) => sum + row.usage_micro, 0);
    expect(s).toContain(`**Total:** $${(Math.round(week / 1e4) / 100).toFixed(2)} spent`);
    expectMarkdownIntact('spend report', s, /^#{3,4} (OpenRouter spend by|Daily spend$|Organization status|Workspace|Guardrails)/);
    expect([...r.steps.flatMap((st) => [st.stdout, st.stderr]), s].join('\n')).not.toContain(o.sb.managementKey);
    // Read-only; by model costs GET /activity, by workspace also /workspaces, status its reads plus GET /activity.
    expect(o.writes()).toEqual({});
    expect(o.sb.counts().getUserActivity).toBe(3);
    expect(o.sb.counts().listWorkspaces).toBe(2);
  }, 120_000);

  it('a failing read fails the job and leaves no partial report', async () => {
    const o = await activityOrg(undefined, { faults: { rate500: 1, operations: ['listWorkspaces'] } });
    const repo = checkout(o);
    const r = await runWorkflow(WORKFLOW, { cwd: repo.dir, secrets: { OPENROUTER_MANAGEMENT_KEY: o.sb.managementKey }, github: { repository: 'acme/openrouter-config' }, env: repo.env });
    expect(r.success).toBe(false);
    const step = r.steps.find((st) => st.name === 'Spend report')!;
    expect(step.code).toBe(1);
    expect(step.stderr).toMatch(/GET \S*\/workspaces\?offset=0&limit=100 \(listWorkspaces\) failed: 500/);
    expect(r.summary).toBe('');
  }, 120_000);
});
