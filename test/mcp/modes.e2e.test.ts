// How `oradmin mcp` behaves around the main session: --read-only, without a credential, with a
// directory of files, and with a file that does not parse.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { org } from '../helpers/org.js';
import { MEMBERS, teamOrg } from './fixture.js';
import { data, mcpSession, text } from './session.js';

describe('oradmin mcp', () => {
  it('--read-only registers no propose tool, and a call to one changes nothing', async () => {
    const o = await teamOrg();
    const before = o.bytes();
    const s = await mcpSession(['--read-only', '-f', o.file], o.env, o.dir);
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['activity', 'explain', 'list_objects', 'plan', 'status', 'validate']);
    const refused = await s.call('propose_key', { name: 'checkout-service', limit: 1 });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toContain('not found');
    expect(o.bytes().equals(before)).toBe(true);
    expect(o.sb.log).toEqual([]);
  });

  it('validates and proposes offline; the read tools name the missing credential', async () => {
    const o = await teamOrg();
    const before = o.bytes();
    const s = await mcpSession(['-f', o.file], { OPENROUTER_API_URL: o.env.OPENROUTER_API_URL! }, o.dir);
    expect(data(await s.call('validate')).valid).toBe(true);
    const plan = await s.call('plan');
    expect(plan.isError).toBe(true);
    expect(text(plan)).toContain('OPENROUTER_MANAGEMENT_KEY is not set');
    const proposed = await s.call('propose_key', { name: 'search-service', limit: 90 });
    expect(proposed.isError).toBeFalsy();
    expect(data(proposed)).toMatchObject({ written: true, plan: null, plan_unavailable: expect.stringContaining('OPENROUTER_MANAGEMENT_KEY') });
    expect(readFileSync(o.file, 'utf8')).toBe(before.toString().replace('    limit: 80\n', '    limit: 90\n'));
    expect(o.sb.log).toEqual([]);
  });

  it('with a directory, edits the file that declares the object and puts a new one by the rule', async () => {
    const o = await org({ organization_members: [{ id: 'user_admin', email: 'admin@example.com', role: 'org:admin' }, ...MEMBERS], workspaces: [{ slug: 'research', name: 'Research' }] });
    const dir = path.join(o.dir, 'org');
    const files = {
      'a-workspaces.yaml': '# Workspaces\nversion: 1\nworkspaces:\n  - slug: research   # ML\n    name: Research\n',
      'b-keys.yaml': '# Keys, one per service\nversion: 1\nkeys:\n  - name: bot\n    limit: 5\n\n  - name: nb\n    workspace: research\n',
    };
    mkdirSync(dir);
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
    const s = await mcpSession(['-f', dir], o.env, o.dir);

    const changed = data(await s.call('propose_key', { name: 'nb', workspace: 'research', limit: 9 }));
    expect(changed.files).toEqual([path.join(dir, 'b-keys.yaml')]);
    expect(readFileSync(path.join(dir, 'b-keys.yaml'), 'utf8')).toBe(`${files['b-keys.yaml']}    limit: 9\n`);
    expect(readFileSync(path.join(dir, 'a-workspaces.yaml'), 'utf8')).toBe(files['a-workspaces.yaml']);

    // No guardrail anywhere yet: it goes to the file that declares its workspace.
    const declared = data(await s.call('propose_guardrail', { name: 'cap', workspace: 'research', limit_usd: 5 }));
    expect(declared.files).toEqual([path.join(dir, 'a-workspaces.yaml')]);
    expect(readFileSync(path.join(dir, 'a-workspaces.yaml'), 'utf8')).toBe(`${files['a-workspaces.yaml']}guardrails:\n  - name: cap\n    workspace: research\n    limit_usd: 5\n`);
    // A binding across the two files: the key's file changes, and the plan covers both.
    const bound = data(await s.call('propose_guardrail_binding', { guardrail: 'cap', workspace: 'research', keys: ['nb'] }));
    expect(bound.files).toEqual([path.join(dir, 'b-keys.yaml')]);
    const r = await o.run(['plan', '-o', 'json', '-f', dir]);
    expect(bound.plan).toEqual(JSON.parse(r.stdout));
    expect(parse(readFileSync(path.join(dir, 'b-keys.yaml'), 'utf8')).keys[1]).toEqual({ name: 'nb', workspace: 'research', limit: 9, guardrail: 'cap' });
    expect(o.sb.log.filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('reports a file that does not parse at its line, for validate and for a proposal', async () => {
    const o = await org();
    const file = o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - name: a\n    limit: [1\n');
    const s = await mcpSession(['-f', file], o.env, o.dir);
    const v = data(await s.call('validate'));
    expect(v.valid).toBe(false);
    expect(v.errors[0]).toMatchObject({ file, line: expect.any(Number), message: expect.stringContaining('YAML') });
    const p = await s.call('propose_key', { name: 'a', limit: 2 });
    expect(p.isError).toBe(true);
    expect(text(p)).toContain(`${file}:${v.errors[0].line}:${v.errors[0].col}: `);
    expect(readFileSync(file, 'utf8')).toBe('version: 1\nkeys:\n  - name: a\n    limit: [1\n');

    // A file that parses but is already invalid: the proposal says the errors were there before it
    // (positions are those of the edited text: the new limit went above the typo).
    writeFileSync(file, 'version: 1\nkeys:\n  - name: a\n    limt: 1\n');
    const q = await s.call('propose_key', { name: 'a', limit: 2 });
    expect(q.isError).toBe(true);
    expect(text(q)).toContain(`${file}:5:5: unknown field "limt" in keys[0]; did you mean "limit"?`);
    expect(text(q)).toContain('The file already had 1 error before this edit');
    expect(readFileSync(file, 'utf8')).toBe('version: 1\nkeys:\n  - name: a\n    limt: 1\n');
  });
});
