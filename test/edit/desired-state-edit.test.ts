// Edits by address over one file or a directory of them: each object edited where it is declared,
// new ones placed by the documented rule, fields in schema order.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DesiredStateEdit } from '../../src/edit/desired-state-edit.js';
import { YamlEditError } from '../../src/edit/yaml-text.js';

const teams = {
  'a-common.yaml': 'version: 1\nworkspaces:\n  - slug: research\n    name: Research\n',
  'b-keys.yaml': 'version: 1\nkeys:\n  - name: bot\n    limit: 5\n  - name: nb\n    workspace: research\n',
  'c-guardrails.yaml': 'version: 1\nguardrails:\n  - name: cap\n    limit_usd: 10\n',
};
const files = () => Object.entries(teams).map(([file, text]) => ({ file, text }));

describe('DesiredStateEdit', () => {
  it('edits an object in the file that declares it, and only that file', () => {
    const e = new DesiredStateEdit(files());
    e.setField({ kind: 'key', workspace: 'research', name: 'nb' }, 'expires_at', '2030-01-01T00:00:00Z');
    e.setField({ kind: 'key', workspace: 'research', name: 'nb' }, 'limit', 7);
    expect(e.changes().map((c) => c.file)).toEqual(['b-keys.yaml']);
    // limit goes before expires_at, as the schema orders them, though it was added after.
    expect(e.text('b-keys.yaml').text).toBe(
      'version: 1\nkeys:\n  - name: bot\n    limit: 5\n  - name: nb\n    workspace: research\n    limit: 7\n    expires_at: 2030-01-01T00:00:00Z\n',
    );
  });

  it('puts a new object where the rule says: same kind and workspace, then its workspace, then the section, then the first file', () => {
    const e = new DesiredStateEdit(files());
    expect(e.fileForNew({ kind: 'key', workspace: 'research', name: 'x' })).toBe('b-keys.yaml');
    expect(e.fileForNew({ kind: 'guardrail', workspace: 'research', name: 'x' })).toBe('a-common.yaml');
    expect(e.fileForNew({ kind: 'guardrail', workspace: 'ops', name: 'x' })).toBe('c-guardrails.yaml');
    expect(e.fileForNew({ kind: 'workspace', workspace: 'ops' })).toBe('a-common.yaml');
    const bare = new DesiredStateEdit([{ file: 'only.yaml', text: 'version: 1\n' }, { file: 'z.yaml', text: 'version: 1\n' }]);
    expect(bare.fileForNew({ kind: 'key', workspace: 'default', name: 'x' })).toBe('only.yaml');
  });

  it('declares an object with its identity first and its fields in schema order', () => {
    const e = new DesiredStateEdit(files());
    const file = e.declare({ kind: 'key', workspace: 'default', name: 'new' }, { guardrail: 'cap', limit: 3 });
    expect(file).toBe('b-keys.yaml');
    expect(e.text(file).text.endsWith('  - name: new\n    limit: 3\n    guardrail: cap\n')).toBe(true);
    expect(() => e.declare({ kind: 'key', workspace: 'default', name: 'new' }, {})).toThrow(/already declared/);
  });

  it('adds to and removes from a list field, creating it, and says when there was nothing to do', () => {
    const e = new DesiredStateEdit(files());
    const ws = { kind: 'workspace', workspace: 'research' } as const;
    expect(e.addToList(ws, 'members', 'a@x.org')).toBe(true);
    expect(e.addToList(ws, 'members', 'b@x.org')).toBe(true);
    expect(e.addToList(ws, 'members', 'a@x.org')).toBe(false);
    expect(e.removeFromList(ws, 'members', 'a@x.org')).toBe(true);
    expect(e.removeFromList(ws, 'members', 'zz@x.org')).toBe(false);
    expect(parse(e.text('a-common.yaml').text).workspaces[0].members).toEqual(['b@x.org']);
  });

  it('removes a declaration, and names what is not declared or declared twice', () => {
    const e = new DesiredStateEdit(files());
    expect(e.undeclare({ kind: 'guardrail', workspace: 'default', name: 'cap' })).toBe(true);
    expect(e.text('c-guardrails.yaml').text).toBe('version: 1\nguardrails: []\n');
    expect(() => e.setField({ kind: 'key', workspace: 'default', name: 'nope' }, 'limit', 1)).toThrow(/key "nope" of workspace "default" is not declared/);
    const twice = new DesiredStateEdit([
      { file: 'a.yaml', text: 'keys:\n  - name: k\n' },
      { file: 'b.yaml', text: 'keys:\n  - name: k\n' },
    ]);
    expect(() => twice.find({ kind: 'key', workspace: 'default', name: 'k' })).toThrow(YamlEditError);
    expect(() => twice.find({ kind: 'key', workspace: 'default', name: 'k' })).toThrow(/a.yaml keys\[0\], b.yaml keys\[0\]/);
  });
});
