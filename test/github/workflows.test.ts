// The three example workflows, run step by step on this machine against the sandbox, with
// GITHUB_ACTIONS=true, a job summary and step outputs, and a recording stand-in for the gh CLI.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { org } from '../helpers/org.js';
import { checkout, DEMO_SEED, envOf, everything, secretsOf, workflow } from './repo.js';
import { runWorkflow } from './runner.js';

/**
 * The demo file with the command sink that stores secrets in GitHub: what the apply-on-merge
 * workflow uses, and so what its pull-request check must plan with (a file sink would be refused
 * on a CI runner).
 */
const withGitHubSink = (desired: string) =>
  desired.replace(
    'secrets:\n  file: .oradmin/secrets.json # each new key\u2019s secret, keyed by "<workspace>/<name>"; git-ignored'.replace('\u2019', "'"),
    'secrets:\n  command: [oradmin-github-secret]',
  );
const DEMO_FILE = withGitHubSink(readFileSync(path.join(REPO, 'openrouter.admin.yaml'), 'utf8'));

describe('examples/github/plan-on-pr.yml', () => {
  it('validates, plans, posts a sticky comment (updated on the next push) and sets the outputs', async () => {
    const o = await org(DEMO_SEED);
    const repo = checkout(DEMO_FILE);
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
    expect(JSON.parse(plan.outputs.summary!)).toEqual({ create: 7, update: 2, replace: 0, delete: 0, disable: 0, assign: 0, unassign: 1, rotate: 0, retire: 0, unmanaged: 1 });
    expect(plan.outputs['exit-code']).toBe('2');
    expect(r.summary).toMatch(/^<!-- oradmin-plan -->\n### oradmin plan for `openrouter.admin.yaml`/);
    expect(r.summary).toContain('| 7 | 2 | 0 | 0 | 0 | 0 | 1 | 1 |');
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

  it.each([1_000, 10_000])('a plan of %i new keys fits a comment and a job summary, naming where the whole plan is', async (n) => {
    const o = await org();
    const keys = Array.from({ length: n }, (_, i) => `  - { name: service-${String(i).padStart(5, '0')}, limit: 5 }`).join('\n');
    const repo = checkout(`version: 1\nsecrets:\n  command: [oradmin-github-secret]\nkeys:\n${keys}\n`);
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: secretsOf(o),
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 5 } },
      env: envOf(o, repo),
    });
    expect(r.success, r.steps.map((s) => s.stderr).join('\n')).toBe(true);
    const whole = readFileSync(r.steps.find((s) => s.name === 'Plan')!.outputs['plan-markdown']!, 'utf8');
    const comment = repo.gh().comments[0]!.body;
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain(`| ${n} | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`);
    expect(comment).toContain(`**${n} changes widen access or spend**`);
    if (whole.length <= 1_000_000) {
      expect(comment).toContain('more than fits here;** it is in the job summary of this run');
      expect(r.summary).toBe(whole);
    } else {
      expect(comment).toContain('it is in the oradmin-plan artifact of this run (plan.md)');
      expect(r.summary.length).toBeLessThanOrEqual(1024 * 1024);
      expect(r.summary).toContain('it is in the oradmin-plan artifact of this run (plan.md)');
    }
  }, 120_000);

  it('a plan that apply would refuse fails the check, and the comment says why', async () => {
    const o = await org();
    const repo = checkout('version: 1\nkeys:\n  - { name: new-bot, limit: 5 }\n');
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: secretsOf(o),
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 9 } },
      env: envOf(o, repo),
    });
    expect(r.success).toBe(false);
    expect(r.steps.find((s) => s.name === 'Plan')!.outputs['exit-code']).toBe('1');
    expect(r.summary).toContain('**Apply will refuse this plan:**');
    expect(repo.gh().comments[0]!.body).toContain('no secrets sink is configured');
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

  it('a pull request without secrets (a fork, Dependabot) is validated, and its plan fails saying why', async () => {
    const o = await org(DEMO_SEED);
    const repo = checkout('version: 1\nkeys:\n  - { name: new-bot, limit: 5 }\n', {}, { comments: [], issues: [], secrets: {} });
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: {}, // what GitHub gives a fork's pull request: ${{ secrets.X }} is empty
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 11 } },
      env: envOf(o, repo),
    });
    expect(r.success).toBe(false);
    expect(r.steps.find((s) => s.name === 'Validate')!.code).toBe(0);
    const plan = r.steps.find((s) => s.name === 'Plan')!;
    expect(plan.outputs['exit-code']).toBe('1');
    expect(plan.stdout).toMatch(/^::error title=oradmin plan::OPENROUTER_MANAGEMENT_KEY \(or its alias OPENROUTER_PROVISIONING_KEY\) is empty, .*Pull requests from forks and from Dependabot get no repository secrets/m);
    expect(r.summary).toContain('Pull requests from forks and from Dependabot get no repository secrets');
    expect(repo.gh().comments).toEqual([]);
    expect(o.sb.log).toHaveLength(0);
  });
});

describe('the action in a subdirectory', () => {
  it('annotates the file by its path from the repository root', async () => {
    const o = await org();
    const repo = checkout('version: 1\n');
    mkdirSync(path.join(repo.dir, 'config'));
    writeFileSync(path.join(repo.dir, 'config', 'openrouter.admin.yaml'), 'version: 1\nkeys:\n  - name: a\n    limt: 5\n');
    const wf = path.join(repo.dir, 'validate.yml');
    writeFileSync(
      wf,
      'name: v\non: pull_request\njobs:\n  v:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Validate\n        uses: your-org/oradmin@v0\n        with:\n          command: validate\n          working-directory: config\n',
    );
    const r = await runWorkflow(wf, { cwd: repo.dir, secrets: secretsOf(o), github: { token: 'ghs_fake', repository: 'acme/openrouter-config' }, env: envOf(o, repo) });
    expect(r.success).toBe(false);
    expect(r.steps[0]!.stdout).toContain('::error file=config/openrouter.admin.yaml,line=4,col=5::unknown field "limt"');
  });
});

describe('the plan reviewed in the pull request is what the merge applies', () => {
  it('applies the reviewed planfile when fresh; plans again and says so in the PR when stale', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }] });
    const file = 'version: 1\nsecrets:\n  command: [oradmin-github-secret]\nkeys:\n  - { name: bot, limit: 2 }\n  - { name: new-bot, limit: 3 }\n';
    const artifacts = mkdtempSync(path.join(tmpdir(), 'oradmin-artifacts-'));
    const gh = { comments: [], issues: [], secrets: {}, pulls: [{ number: 42, head: { sha: 'aaa111' }, merge_commit_sha: 'bbb222' }], runs: [{ databaseId: 101, workflow: 'oradmin-plan.yml', headSha: 'aaa111', conclusion: 'success' }] };
    const common = (repo: ReturnType<typeof checkout>) => ({ cwd: repo.dir, secrets: { ...secretsOf(o), ORADMIN_SECRETS_TOKEN: 'ghp_fake' }, github: { token: 'ghs_fake', repository: 'acme/openrouter-config' }, artifacts });

    // The pull request's check plans and keeps the plan as the oradmin-plan artifact of run 101.
    const prRepo = checkout(file, {}, gh);
    const pr = await runWorkflow(workflow('plan-on-pr.yml'), { ...common(prRepo), runId: 101, event: { pull_request: { number: 42 } }, env: envOf(o, prRepo) });
    expect(pr.success).toBe(true);
    expect(existsSync(path.join(artifacts, '101', 'oradmin-plan', 'plan.json'))).toBe(true);

    // The merge applies exactly that plan.
    const mergeRepo = checkout(file, {}, gh);
    o.sb.resetLog();
    const merge = await runWorkflow(workflow('apply-on-merge.yml'), { ...common(mergeRepo), runId: 102, env: { ...envOf(o, mergeRepo), GITHUB_SHA: 'bbb222' } });
    const apply = merge.steps.find((s) => s.name === 'Apply')!;
    expect(merge.success, apply.stdout).toBe(true);
    expect(apply.outputs.reviewed).toBe('true');
    expect(apply.outputs.stale ?? '').toBe('');
    expect(merge.steps.find((s) => s.name === 'Say in the pull request that the reviewed plan was stale')!.skipped).toBe(true);
    expect(o.sb.state.findKeyByName('bot', 'default')!.limit).toBe(2);
    expect(Object.keys(mergeRepo.gh().secrets)).toEqual(['OPENROUTER_KEY_DEFAULT__NEW_2DBOT']);
    // The audit log and the plan are kept as the apply run's artifact.
    expect(existsSync(path.join(artifacts, '102', 'oradmin-apply', 'audit.jsonl'))).toBe(true);

    // A second PR is reviewed, then someone changes the organization before the merge: stale.
    const file2 = file.replace('limit: 3 }', 'limit: 4 }');
    const gh2 = { ...gh, pulls: [{ number: 43, head: { sha: 'ccc333' }, merge_commit_sha: 'ddd444' }], runs: [{ databaseId: 103, workflow: 'oradmin-plan.yml', headSha: 'ccc333', conclusion: 'success' }] };
    const pr2Repo = checkout(file2, {}, gh2);
    expect((await runWorkflow(workflow('plan-on-pr.yml'), { ...common(pr2Repo), runId: 103, event: { pull_request: { number: 43 } }, env: envOf(o, pr2Repo) })).success).toBe(true);
    o.sb.state.updateKey(o.sb.state.findKeyByName('bot', 'default')!.hash, { limit: 9 });
    const merge2Repo = checkout(file2, {}, gh2);
    const merge2 = await runWorkflow(workflow('apply-on-merge.yml'), { ...common(merge2Repo), runId: 104, env: { ...envOf(o, merge2Repo), GITHUB_SHA: 'ddd444' } });
    const apply2 = merge2.steps.find((s) => s.name === 'Apply')!;
    expect(merge2.success, apply2.stdout).toBe(true);
    expect(apply2.outputs.stale).toBe('the plan is stale: the organization changed since it was made');
    expect(merge2.summary).toContain('The plan reviewed in the pull request was stale (the plan is stale: the organization changed since it was made), so a new plan was made and applied');
    const said = merge2Repo.gh().comments.filter((c) => c.pr === 43);
    expect(said).toHaveLength(1);
    expect(said[0]!.body).toContain('the plan reviewed here was not applied as it was (the plan is stale: the organization changed since it was made)');
    expect(o.sb.state.findKeyByName('bot', 'default')!.limit).toBe(2);
    expect(o.sb.state.findKeyByName('new-bot', 'default')!.limit).toBe(4);
  });
});

describe('examples/github/apply-on-merge.yml', () => {
  it('applies with one apply at a time, storing each new secret with gh from stdin only', async () => {
    const o = await org(DEMO_SEED);
    const desired = DEMO_FILE;
    expect(desired).toContain('oradmin-github-secret');
    // The command sink is shipped with the action: nothing of it in the user's repository.
    const repo = checkout(`${desired}\n  - name: extra-bot\n    limit: 10\n`);
    const r = await runWorkflow(workflow('apply-on-merge.yml'), {
      cwd: repo.dir,
      secrets: { ...secretsOf(o), ORADMIN_SECRETS_TOKEN: 'ghp_fake' },
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      env: envOf(o, repo),
    });
    const apply = r.steps.find((s) => s.name === 'Apply')!;
    // oradmin's stderr goes to the job log through stdout, inside the stop-commands wrapping.
    expect(apply.stdout).toMatch(/\[\d+\/\d+\] ok /);
    expect(apply.stdout).not.toContain('FAILED');
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

  it('a key created in the dashboard is drift: the issue is opened for it', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 5 }] });
    const repo = checkout('version: 1\nkeys:\n  - { name: bot, limit: 5 }\n');
    o.sb.state.addKey({ name: 'rogue-unlimited' });
    const r = await runWorkflow(workflow('drift.yml'), { cwd: repo.dir, secrets: secretsOf(o), github: { token: 'ghs_fake', repository: 'acme/openrouter-config' }, env: envOf(o, repo) });
    expect(r.success).toBe(true);
    expect(r.steps.find((s) => s.name === 'Plan')!.outputs['exit-code']).toBe('2');
    const [issue] = repo.gh().issues;
    expect(issue).toMatchObject({ state: 'open', labels: ['oradmin-drift'] });
    expect(issue!.body).toContain('`key.default/rogue-unlimited`');
    expect(issue!.body).toContain('No changes to make, but 1 live object is not in the file.');
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
