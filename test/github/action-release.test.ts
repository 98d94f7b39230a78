// The action as a release ships it (`npm run build:action`): action.yml, its scripts and the bundle
// in action-dist/, with no node_modules and no dist/. The plan-on-pr example runs against it on the
// local workflow runner, with an `npm` on PATH that fails, so a run that installed or compiled
// anything would fail.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { org } from '../helpers/org.js';
import { checkout, DEMO_SEED, envOf, secretsOf, workflow } from './repo.js';
import { runWorkflow } from './runner.js';

/** What a release tag holds for the action: the repository's action files and the bundle. */
function releaseOfTheAction(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-action-release-'));
  for (const f of ['action.yml', 'package.json', 'scripts/action', 'spec', 'schemas']) cpSync(path.join(REPO, f), path.join(dir, f), { recursive: true });
  execFileSync(process.execPath, [path.join(REPO, 'scripts/bundle.mjs'), path.join(dir, 'action-dist')], { cwd: REPO, stdio: 'pipe' });
  return dir;
}

describe('the action as released', () => {
  it('runs from its bundle alone: no npm, no node_modules, no compiling', async () => {
    const action = releaseOfTheAction();
    expect(existsSync(path.join(action, 'node_modules'))).toBe(false);
    expect(existsSync(path.join(action, 'dist'))).toBe(false);
    expect(readdirSync(path.join(action, 'action-dist'))).toContain('oradmin.js');
    const noNpm = path.join(action, 'no-npm');
    mkdirSync(noNpm);
    writeFileSync(path.join(noNpm, 'npm'), '#!/bin/sh\necho "npm must not run in a release of the action" >&2\nexit 97\n');
    chmodSync(path.join(noNpm, 'npm'), 0o755);

    const o = await org(DEMO_SEED);
    const desired = readFileSync(path.join(REPO, 'openrouter.admin.yaml'), 'utf8').replace(/^secrets:\n  file: .*$/m, 'secrets:\n  command: [oradmin-github-secret]');
    const repo = checkout(desired);
    const r = await runWorkflow(workflow('plan-on-pr.yml'), {
      cwd: repo.dir,
      secrets: secretsOf(o),
      github: { token: 'ghs_fake', repository: 'acme/openrouter-config' },
      event: { pull_request: { number: 7 } },
      env: envOf(o, repo),
      prependPath: noNpm,
      actionPath: action,
    });
    const log = r.steps.map((s) => `${s.name}\n${s.stdout}\n${s.stderr}`).join('\n');
    expect(r.success, log).toBe(true);
    expect(log).not.toContain('npm must not run');
    const plan = r.steps.find((s) => s.name === 'Plan')!;
    expect(plan.outputs['has-changes']).toBe('true');
    expect(JSON.parse(plan.outputs.summary!)).toMatchObject({ create: 7, update: 2 });
    expect(repo.gh().comments).toHaveLength(1);
    expect(repo.gh().comments[0]!.body).toMatch(/^<!-- oradmin-plan -->/);
  });

  it('reports a file\'s mistakes at file:line:col from its bundle alone', () => {
    // Positions come from the yaml library, which the bundle loads only when a file needs it, from
    // its own CommonJS copy (src/config/yaml-library.ts): here there is no node_modules to fall back on.
    const action = releaseOfTheAction();
    expect(readdirSync(path.join(action, 'action-dist'))).toContain('yaml.cjs');
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-release-validate-'));
    // One file the fast parser reads, one only the library does (an anchor).
    writeFileSync(path.join(dir, 'plain.yaml'), 'version: 1\nkeys:\n  - name: ci-bot\n    limt: 5\n');
    writeFileSync(path.join(dir, 'anchored.yaml'), 'version: 1\nkeys:\n  - &k { name: ci-bot, limt: 5 }\n');
    for (const [file, at] of [['plain.yaml', '4:5'], ['anchored.yaml', '3:24']] as const) {
      let stderr = '';
      try {
        execFileSync(process.execPath, [path.join(action, 'action-dist/oradmin.js'), 'validate', '-f', file], { cwd: dir, stdio: 'pipe', env: { PATH: process.env.PATH ?? '' } });
      } catch (err) {
        stderr = String((err as { stderr: Buffer }).stderr);
      }
      expect(stderr).toContain(`${file}:${at}: unknown field "limt"`);
    }
  });
});
