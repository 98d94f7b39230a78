// Untrusted text cannot forge output (PRODUCT.md section 11, issue 12): live objects named to
// erase terminal lines, break out of markdown, or inject GitHub workflow commands, and a pull
// request's YAML doing the same, through every command a user runs against the sandbox.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org, ADMIN } from '../helpers/org.js';
import type { CliResult } from '../helpers/cli.js';
import { expectClean, expectMarkdownIntact, HOSTILE } from './hostile.js';

const MEMBERS = [ADMIN, { id: 'user_evil', email: 'evil\n::error::x@example.com', role: 'org:member' as const, first_name: HOSTILE.erase }];

function outputs(r: CliResult): string {
  return `${r.stdout}\n${r.stderr}`;
}

describe('hostile names in the live organization and in a pull request', () => {
  it('plan, status, apply, export and validate print them as data', async () => {
    const o = await org({
      organization_members: MEMBERS,
      keys: [
        { name: HOSTILE.erase, limit: 1 },
        { name: HOSTILE.markdown, limit: 1 },
        { name: HOSTILE.workflow, limit: 1 },
        { name: HOSTILE.bidi, limit: 1 },
        { name: HOSTILE.bell, limit: 1 },
        { name: HOSTILE.backticks, limit: 1 },
      ],
      guardrails: [{ name: `cap${HOSTILE.workflow}`, description: HOSTILE.markdown, limit_usd: 5, reset_interval: 'daily' }],
      member_assignments: [{ member: 'user_evil', guardrail: `cap${HOSTILE.workflow}` }],
    });
    // The pull request declares a hostile name too, and changes a hostile live key.
    const desired = [
      'version: 1',
      `secrets: { file: ${JSON.stringify(path.join(o.dir, 'secrets.json'))} }`,
      'keys:',
      `  - { name: ${JSON.stringify(HOSTILE.workflow)}, limit: 2 }`,
      `  - { name: ${JSON.stringify(`pr${HOSTILE.erase}`)}, limit: 1 }`,
      '',
    ].join('\n');
    o.write('openrouter.admin.yaml', desired);

    for (const format of ['text', 'markdown', 'json']) {
      const r = await o.run(['plan', '-o', format]);
      expect(r.code, r.stderr).toBe(0);
      expectClean(`plan -o ${format}`, outputs(r));
      if (format === 'markdown') expectMarkdownIntact('plan -o markdown', r.stdout, /^### oradmin plan/);
      if (format === 'json') expect(JSON.parse(r.stdout).unmanaged.map((u: { address: string }) => u.address)).toContain(`key.default/${HOSTILE.markdown}`);
    }
    for (const format of ['text', 'markdown', 'json']) {
      const r = await o.run(['status', '-o', format]);
      expect(r.code, r.stderr).toBe(0);
      expectClean(`status -o ${format}`, outputs(r));
      if (format === 'markdown') expectMarkdownIntact('status -o markdown', r.stdout, /^#{3,4} (Organization status|Workspace|Guardrails|Interrupted)/);
    }
    const exported = await o.run(['export']);
    expect(exported.code, exported.stderr).toBe(0);
    expectClean('export', outputs(exported));

    const applied = await o.run(['apply', '--auto-approve', '-v']);
    expect(applied.code, outputs(applied)).toBe(0);
    expectClean('apply -v', outputs(applied));
    expect(applied.stderr).toContain('ok update key.default/evil\\n::add-mask::Plan');
  });

  it('validate keeps a pull request\u2019s hostile keys and values on one line, also as annotations', async () => {
    const o = await org();
    o.write(
      'openrouter.admin.yaml',
      ['version: 1', 'keys:', `  - name: ${JSON.stringify(HOSTILE.workflow)}`, `    "limt\\n::add-mask::oradmin": 1`, `    guardrail: ${JSON.stringify(HOSTILE.markdown)}`, ''].join('\n'),
    );
    const plain = await o.run(['validate']);
    expect(plain.code).toBe(1);
    expectClean('validate', outputs(plain));
    expect(plain.stderr).toContain('limt\\n::add-mask::oradmin');
    const gha = await o.run(['validate'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(gha.code).toBe(1);
    // Our annotations start with ::error; nothing else may start a line with ::.
    expectClean('validate in GitHub Actions', outputs(gha), { ownCommands: /^::error file=openrouter\.admin\.yaml,line=\d+,col=\d+::/ });
    expect(gha.stdout).not.toMatch(/\n::add-mask/);
  });
});
