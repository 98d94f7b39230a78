// The shipped workflows against hostile names (issue 12): no untrusted text becomes a workflow
// command in the job log, the PR comment and the drift issue keep their structure, and comments or
// issues planted by someone else are never updated in place of ours.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { org } from '../helpers/org.js';
import { expectMarkdownIntact, HOSTILE } from '../untrusted/hostile.js';
import { checkout, envOf, secretsOf, workflow } from './repo.js';
import { runWorkflow, type StepResult } from './runner.js';

const MARKER = '<!-- oradmin-plan -->';

/**
 * The workflow commands GitHub would act on in a step's log: lines starting with `::`, except
 * those between `::stop-commands::<token>` and `::<token>::` (GitHub's own rule).
 */
function effectiveCommands(log: string): string[] {
  const out: string[] = [];
  let stopToken: string | undefined;
  for (const line of log.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopToken = stop[1]!;
      continue;
    }
    if (line.startsWith('::')) out.push(line);
  }
  expect(stopToken, 'every stop-commands block is closed').toBeUndefined();
  return out;
}

function logOf(steps: readonly StepResult[]): string {
  return steps.map((s) => `${s.stdout}\n${s.stderr}`).join('\n');
}

const SEED = {
  keys: [
    { name: HOSTILE.workflow, limit: 1 },
    { name: HOSTILE.markdown, limit: 1 },
    { name: HOSTILE.erase, limit: 1 },
    { name: 'bot', limit: 5 },
  ],
};

describe('hostile names through the GitHub workflows', () => {
  it('plan on a PR: nothing from oradmin is a workflow command; a planted marker comment is left alone', async () => {
    const o = await org(SEED);
    const planted = { id: 1, pr: 42, user: 'mallory', body: `${MARKER}\n**No changes.** Approved by security.` };
    const repo = checkout('version: 1\nkeys:\n  - { name: bot, limit: 6 }\n', {}, { comments: [planted], issues: [], secrets: {} });
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: secretsOf(o),
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 42 } },
      env: envOf(o, repo),
    });
    expect(r.success, logOf(r.steps)).toBe(true);
    const log = logOf(r.steps);
    // The plan (which lists the hostile keys as unmanaged) was printed, and only inside the wrapping.
    expect(log).toContain('key.default/evil\\n::add-mask::Plan');
    expect(effectiveCommands(log)).toEqual([]);
    // Our own comment is new; the planted one is untouched.
    const { comments } = repo.gh();
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual(planted);
    expect(comments[1]!.user).toBe('github-actions[bot]');
    expectMarkdownIntact('PR comment', comments[1]!.body, /^### oradmin plan/);
    expect(repo.ghCalls().some((c) => c.argv.includes('PATCH'))).toBe(false);
  });

  it('validate: our annotations take effect, a hostile YAML key does not', async () => {
    const o = await org();
    const repo = checkout(`version: 1\nkeys:\n  - name: ${JSON.stringify(HOSTILE.workflow)}\n    "limt\\n::add-mask::oradmin": 1\n`);
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: secretsOf(o),
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 7 } },
      env: envOf(o, repo),
    });
    expect(r.success).toBe(false);
    const commands = effectiveCommands(logOf(r.steps));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=openrouter\.admin\.yaml,line=4,col=5::unknown field "limt%0A::add-mask::oradmin" in keys\[0\]/);
  });

  it('drift: the issue body keeps its structure, and an issue labelled by someone else is not edited', async () => {
    const o = await org(SEED);
    const foreign = { number: 1, title: 'not ours', labels: ['oradmin-drift'], author: 'mallory', state: 'open', body: 'keep me' };
    const repo = checkout('version: 1\nkeys:\n  - { name: bot, limit: 5 }\n', {}, { comments: [], issues: [foreign], secrets: {} });
    const run = () =>
      runWorkflow(workflow('drift.yml'), { cwd: repo.dir, secrets: secretsOf(o), github: { token: 'ghs_fake', repository: 'acme/openrouter-config' }, env: envOf(o, repo) });
    let r = await run();
    expect(r.success, logOf(r.steps)).toBe(true);
    expect(effectiveCommands(logOf(r.steps))).toEqual([]);
    o.sb.state.updateKey(o.sb.state.findKeyByName('bot', 'default')!.hash, { limit: 500 });
    r = await run();
    expect(r.success, logOf(r.steps)).toBe(true);
    const { issues } = repo.gh();
    expect(issues[0]).toEqual(foreign);
    expect(issues).toHaveLength(2);
    expect(issues[1]).toMatchObject({ author: 'app/github-actions', state: 'open', labels: ['oradmin-drift'] });
    expectMarkdownIntact('drift issue', issues[1]!.body, /^### oradmin plan/);
    expect(effectiveCommands(logOf(r.steps))).toEqual([]);
  });

  it('an unknown command input is reported in one escaped annotation', () => {
    const r = spawnSync('bash', [path.join(REPO, 'scripts/action/run.sh')], {
      env: { PATH: process.env.PATH, GITHUB_ACTION_PATH: REPO, ORADMIN_COMMAND: 'deploy\n::add-mask::x\r%' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('::error::oradmin action: command must be validate, plan, apply or rotate (got "deploy%0A::add-mask::x%0D%25")\n');
  });
});
