// examples/github/rotate.yml run step by step on this machine (runner.ts) against the sandbox: the
// daily `rotate --due`, with the command sink storing each successor's secret in GitHub through
// gh from stdin, in apply-on-merge's concurrency group.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';
import { checkout, envOf, everything, secretsOf, workflow } from './repo.js';
import { runWorkflow } from './runner.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

describe('examples/github/rotate.yml', () => {
  it('rotates only what is due, stores the successor secret under the same GitHub secret from stdin, and is idle when run again', async () => {
    const o = await org({
      keys: [
        { name: 'ci-bot', limit: 5, created_at: daysAgo(40) },
        { name: 'fresh', limit: 5, created_at: daysAgo(2) },
        { name: 'other', limit: 5, created_at: daysAgo(90) },
      ],
    });
    const file = `version: 1
secrets:
  command: [oradmin-github-secret]
defaults:
  key: { rotation: { every: 30d, overlap: 2d } }
keys:
  - { name: ci-bot, limit: 5 }
  - { name: fresh, limit: 5 }
  - { name: other, limit: 50, rotation: { every: 365d, overlap: 1d } }
  - { name: new-bot, limit: 1 }
`;
    // The command sink is shipped with the action: nothing of it in the user's repository.
    const repo = checkout(file);
    const before = o.sb.state.findKeyByName('ci-bot')!.hash;
    const run = () =>
      runWorkflow(workflow('rotate.yml'), {
        cwd: repo.dir,
        secrets: { ...secretsOf(o), ORADMIN_SECRETS_TOKEN: 'ghp_fake' },
        github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
        env: envOf(o, repo),
      });

    const r = await run();
    const step = r.steps.find((s) => s.name === 'Rotate what is due')!;
    expect(step.code, step.stdout + step.stderr).toBe(0);
    expect(r.success).toBe(true);
    expect(step.outputs['has-changes']).toBe('true');
    expect(r.summary).toContain('**Rotated.**');
    expect(r.summary).toContain('key.default/ci-bot');
    const spec = parse(readFileSync(workflow('rotate.yml'), 'utf8')) as { on: { schedule: { cron: string }[] }; concurrency: unknown };
    const applyOnMerge = parse(readFileSync(workflow('apply-on-merge.yml'), 'utf8')) as { concurrency: unknown };
    expect(spec.on.schedule).toHaveLength(1);
    expect(r.workflow.concurrency).toEqual(applyOnMerge.concurrency);

    // Only the due key rotated: the other drift (a limit, a new key) is left for a reviewed apply.
    const current = o.sb.state.findKeyByName('ci-bot')!;
    expect(current.hash).not.toBe(before);
    expect(o.sb.state.findKeyByName('oradmin-predecessor:2d:delete:ci-bot')!.hash).toBe(before);
    expect(o.sb.state.findKeyByName('other')!.limit).toBe(5);
    expect(o.sb.state.findKeyByName('new-bot')).toBeUndefined();
    const stored = repo.gh().secrets;
    expect(Object.keys(stored)).toEqual(['OPENROUTER_KEY_DEFAULT__CI_2DBOT']);
    expect(createHash('sha256').update(stored.OPENROUTER_KEY_DEFAULT__CI_2DBOT!).digest('hex')).toBe(current.hash);
    const secret = stored.OPENROUTER_KEY_DEFAULT__CI_2DBOT!;
    for (const call of repo.ghCalls()) expect(call.argv.join(' ')).not.toContain(secret);
    expect(everything(r)).not.toContain(secret);
    expect(everything(r)).not.toContain(o.sb.managementKey);

    // Run again: nothing is due (the predecessor retires after 2 days), nothing is stored again.
    const again = await run();
    expect(again.success).toBe(true);
    expect(again.steps.find((s) => s.name === 'Rotate what is due')!.outputs['has-changes']).toBe('false');
    expect(again.summary).toContain('Nothing was due.');
    expect(again.summary).not.toContain('**Rotated.**');
    expect(repo.ghCalls().filter((c) => c.argv[0] === 'secret')).toHaveLength(1);
  });
});
