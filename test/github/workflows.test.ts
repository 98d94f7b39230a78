// The three example workflows, run step by step on this machine against the sandbox, with
// GITHUB_ACTIONS=true, a job summary and step outputs, and a recording stand-in for the gh CLI.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SeedDocument } from '../../src/sandbox/index.js';
import { REPO } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import { runWorkflow } from './runner.js';

const workflow = (name: string) => path.join(REPO, 'examples/github', name);
const DEMO_SEED = parse(readFileSync(path.join(REPO, 'examples/seeds/demo.yaml'), 'utf8')) as SeedDocument;

/** A checkout of a repository holding the desired file, and a fake gh with its own state. */
function checkout(desired: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-repo-'));
  writeFileSync(path.join(dir, 'openrouter.admin.yaml'), desired);
  for (const [to, from] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    copyFileSync(from, path.join(dir, to));
  }
  const ghState = path.join(dir, '..', `${path.basename(dir)}-gh-state.json`);
  const ghLog = path.join(dir, '..', `${path.basename(dir)}-gh-log.jsonl`);
  writeFileSync(ghLog, '');
  return {
    dir,
    env: { FAKE_GH_STATE: ghState, FAKE_GH_LOG: ghLog },
    gh: () => JSON.parse(readFileSync(ghState, 'utf8')) as { comments: { id: number; body: string }[]; issues: { number: number; state: string; body: string; labels: string[] }[]; secrets: Record<string, string> },
    ghCalls: () => readFileSync(ghLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { argv: string[]; stdin: string }),
  };
}

const secretsOf = (o: Org) => ({ OPENROUTER_MANAGEMENT_KEY: o.sb.managementKey });
const envOf = (o: Org, repo: { env: Record<string, string> }) => ({ ...repo.env, OPENROUTER_API_URL: o.sb.url });
const everything = (r: Awaited<ReturnType<typeof runWorkflow>>) => [r.summary, ...r.steps.flatMap((s) => [s.stdout, s.stderr, ...Object.values(s.outputs)])].join('\n');

describe('examples/github/plan-on-pr.yml', () => {
  it('validates, plans, posts a sticky comment (updated on the next push) and sets the outputs', async () => {
    const o = await org(DEMO_SEED);
    const repo = checkout(readFileSync(path.join(REPO, 'openrouter.admin.yaml'), 'utf8'));
    const run = () =>
      runWorkflow(workflow('plan-on-pr.yml'), {
        cwd: repo.dir,
        secrets: secretsOf(o),
        github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
        event: { pull_request: { number: 42 } },
        env: envOf(o, repo),
      });
    const r = await run();
    expect(r.steps.map((s) => [s.name, s.code])).toEqual([
      ['actions/checkout@v4', 0],
      ['actions/setup-node@v4', 0],
      ['Validate', 0],
      ['Plan', 0],
      ['Say what the plan does', 0],
    ]);
    expect(r.success).toBe(true);
    const plan = r.steps[3]!;
    expect(plan.outputs['has-changes']).toBe('true');
    expect(JSON.parse(plan.outputs.summary!)).toEqual({ create: 7, update: 2, replace: 0, delete: 0, disable: 0, assign: 0, unassign: 0, unmanaged: 2 });
    expect(plan.outputs['exit-code']).toBe('2');
    expect(r.summary).toMatch(/^<!-- oradmin-plan -->\n### oradmin plan for `openrouter.admin.yaml`/);
    expect(r.summary).toContain('| 7 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    expect(r.steps[4]!.stdout).toContain('has changes: true; summary: {"create":7');
    expect(repo.gh().comments).toHaveLength(1);
    expect(repo.gh().comments[0]!.body).toBe(readFileSync(plan.outputs['plan-markdown']!, 'utf8'));
    // The next push updates the same comment instead of adding one.
    await run();
    expect(repo.gh().comments).toHaveLength(1);
    expect(repo.ghCalls().filter((c) => c.argv[0] === 'api' && c.argv.includes('PATCH'))).toHaveLength(1);
    expect(everything(r)).not.toContain(o.sb.managementKey);
    expect(o.writes()).toEqual({});
  });

  it('an invalid file fails the job with annotations on the exact lines, and no plan', async () => {
    const o = await org(DEMO_SEED);
    const repo = checkout('version: 1\nkeys:\n  - name: prod-bot\n    limt: 5\n  - name: ci\n    guardrail: nope\n');
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: secretsOf(o),
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 7 } },
      env: envOf(o, repo),
    });
    expect(r.success).toBe(false);
    const validate = r.steps.find((s) => s.name === 'Validate')!;
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('::error file=openrouter.admin.yaml,line=4,col=5::unknown field "limt" in keys[0]; did you mean "limit"?');
    expect(r.steps.find((s) => s.name === 'Plan')!.skipped).toBe(true);
    expect(r.steps.find((s) => s.name === 'Say what the plan does')!.skipped).toBe(true);
    expect(o.sb.log).toHaveLength(0); // nothing was read from the organization
  });
});

describe('examples/github/apply-on-merge.yml', () => {
  it('applies with one apply at a time, storing each new secret with gh from stdin only', async () => {
    const o = await org(DEMO_SEED);
    const desired = readFileSync(path.join(REPO, 'openrouter.admin.yaml'), 'utf8').replace(
      'secrets:\n  file: .oradmin/secrets.json   # each new key\u2019s secret, keyed by "<workspace>/<name>"; git-ignored'.replace('\u2019', "'"),
      'secrets:\n  command: ["./scripts/store-secret-in-github.sh"]',
    );
    expect(desired).toContain('store-secret-in-github.sh');
    const repo = checkout(`${desired}\n  - name: extra-bot\n    limit: 10\n`, { 'scripts/store-secret-in-github.sh': workflow('store-secret-in-github.sh') });
    const r = await runWorkflow(workflow('apply-on-merge.yml'), {
      cwd: repo.dir,
      secrets: { ...secretsOf(o), ORADMIN_SECRETS_TOKEN: 'ghp_fake' },
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      env: envOf(o, repo),
    });
    const apply = r.steps.find((s) => s.name === 'Apply')!;
    expect(apply.stderr).not.toContain('FAILED');
    expect(apply.code).toBe(0);
    expect(r.success).toBe(true);
    expect(apply.outputs['has-changes']).toBe('true');
    expect(r.summary).toContain('**Applied.** A new plan is empty.');
    expect(r.workflow.concurrency).toEqual({ group: 'oradmin-apply', 'cancel-in-progress': false });

    const stored = repo.gh().secrets;
    // The script's injective naming: upper case, other characters as _XX, __ between workspace and name.
    expect(Object.keys(stored).sort()).toEqual(['OPENROUTER_KEY_DEFAULT__EXTRA_2DBOT', 'OPENROUTER_KEY_RESEARCH__NOTEBOOK']);
    const decode = (s: string) => s.toLowerCase().replace(/_([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    for (const [name, secret] of Object.entries(stored)) {
      const [, ws, key] = /^OPENROUTER_KEY_(.+)__(.+)$/.exec(name)!;
      const live = o.sb.state.findKeyByName(decode(key!), decode(ws!))!;
      expect(createHash('sha256').update(secret).digest('hex')).toBe(live.hash);
      // The secret went through stdin only: never in gh's arguments, the logs, outputs or summary.
      for (const call of repo.ghCalls()) expect(call.argv.join(' ')).not.toContain(secret);
      expect(everything(r)).not.toContain(secret);
    }
    expect(everything(r)).not.toContain(o.sb.managementKey);
  });
});

describe('examples/github/drift.yml', () => {
  it('opens an issue with the plan when the organization drifted, and closes it once it matches', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 5 }] });
    const repo = checkout('version: 1\nkeys:\n  - { name: bot, limit: 5 }\n');
    const run = () =>
      runWorkflow(workflow('drift.yml'), { cwd: repo.dir, secrets: secretsOf(o), github: { token: 'ghs_fake', repository: 'acme/openrouter-config' }, env: envOf(o, repo) });

    let r = await run();
    expect(r.success).toBe(true);
    expect(r.steps.find((s) => s.name === 'Plan')!.outputs['has-changes']).toBe('false');
    expect(r.steps.find((s) => s.name === 'Open or update the drift issue')!.skipped).toBe(true);
    expect(repo.ghCalls().filter((c) => c.argv[0] === 'issue' && c.argv[1] === 'create')).toHaveLength(0);

    // Someone raises the limit in the dashboard.
    o.sb.state.updateKey(o.sb.state.findKeyByName('bot', 'default')!.hash, { limit: 500 });
    r = await run();
    expect(r.success).toBe(true);
    expect(r.steps.find((s) => s.name === 'Plan')!.outputs['exit-code']).toBe('2');
    const [issue] = repo.gh().issues;
    expect(issue).toMatchObject({ state: 'open', labels: ['oradmin-drift'] });
    expect(issue!.body).toContain('<!-- oradmin-plan -->');
    expect(issue!.body).toContain('limit: 500 → 5');
    // Still drifted: the same issue is updated, not a second one opened.
    await run();
    expect(repo.gh().issues).toHaveLength(1);

    o.sb.state.updateKey(o.sb.state.findKeyByName('bot', 'default')!.hash, { limit: 5 });
    r = await run();
    expect(r.steps.find((s) => s.name === 'Close the drift issue')!.code).toBe(0);
    expect(repo.gh().issues[0]!.state).toBe('closed');
  });

  it('a failing plan fails the job and opens no issue', async () => {
    const o = await org({}, { faults: { rate500: 1, operations: ['listWorkspaces'] } });
    const repo = checkout('version: 1\n');
    const r = await runWorkflow(workflow('drift.yml'), { cwd: repo.dir, secrets: secretsOf(o), github: { token: 'ghs_fake', repository: 'acme/openrouter-config' }, env: envOf(o, repo) });
    expect(r.success).toBe(false);
    expect(r.steps.find((s) => s.name === 'Plan')!.code).toBe(1);
    expect(r.steps.find((s) => s.name === 'Open or update the drift issue')!.skipped).toBe(true);
    expect(repo.ghCalls()).toHaveLength(0);
  });
});
