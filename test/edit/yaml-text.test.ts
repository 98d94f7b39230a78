// In-place YAML edits: each change touches only the text of its node. The expected texts are written
// out in full, so any byte that moves elsewhere fails the test.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YamlEditError, YamlText } from '../../src/edit/yaml-text.js';

const KEY_ORDER = ['name', 'workspace', 'limit', 'limit_reset', 'include_byok_in_limit', 'expires_at', 'disabled', 'guardrail'];

function edited(text: string, change: (y: YamlText) => void): string {
  const y = new YamlText(text);
  change(y);
  return y.text;
}

describe('setting a field', () => {
  const file = `# Keys of the shop
keys:
  - name: checkout   # the checkout service
    limit: 150 # USD
    guardrail: 'prod-cap'

  - { name: search, limit: 80 }
`;

  it('replaces only the value, keeping its comment and the quoting of the others', () => {
    expect(edited(file, (y) => y.set(['keys', 0, 'limit'], 175))).toBe(file.replace('limit: 150 # USD', 'limit: 175 # USD'));
  });

  it('adds a missing field where the schema order puts it, at the indentation of its neighbours', () => {
    expect(edited(file, (y) => y.set(['keys', 0, 'limit_reset'], 'daily', { order: KEY_ORDER }))).toBe(
      file.replace('    limit: 150 # USD\n', '    limit: 150 # USD\n    limit_reset: daily\n'),
    );
  });

  it('adds a field to a flow map in place, in order', () => {
    expect(edited(file, (y) => y.set(['keys', 1, 'limit_reset'], 'weekly', { order: KEY_ORDER }))).toBe(
      file.replace('{ name: search, limit: 80 }', '{ name: search, limit: 80, limit_reset: weekly }'),
    );
    expect(edited(file, (y) => y.set(['keys', 1, 'workspace'], 'ml', { order: KEY_ORDER }))).toBe(
      file.replace('{ name: search, limit: 80 }', '{ name: search, workspace: ml, limit: 80 }'),
    );
  });

  it('creates the maps on the way, as one flow value', () => {
    expect(edited(file, (y) => y.set(['keys', 0, 'rotation', 'every'], '21d'))).toBe(
      file.replace("    guardrail: 'prod-cap'\n", "    guardrail: 'prod-cap'\n    rotation: { every: 21d }\n"),
    );
  });

  it('changes one field of an existing nested map, not the map', () => {
    const text = 'defaults:\n  key: { limit_reset: monthly, include_byok_in_limit: false }\n';
    expect(edited(text, (y) => y.set(['defaults', 'key'], { limit_reset: 'daily', include_byok_in_limit: false }))).toBe(
      'defaults:\n  key: { limit_reset: daily, include_byok_in_limit: false }\n',
    );
  });

  it('quotes what would otherwise read back differently, and escapes control and direction characters', () => {
    const text = 'keys:\n  - name: a\n';
    expect(edited(text, (y) => y.set(['keys', 0, 'guardrail'], '123'))).toBe('keys:\n  - name: a\n    guardrail: "123"\n');
    expect(edited(text, (y) => y.set(['keys', 0, 'guardrail'], 'a, b'))).toBe('keys:\n  - name: a\n    guardrail: "a, b"\n');
    expect(edited(text, (y) => y.set(['keys', 0, 'guardrail'], 'x\ny\u202e'))).toBe('keys:\n  - name: a\n    guardrail: "x\\ny\\u202e"\n');
    const y = new YamlText(text);
    y.set(['keys', 0, 'guardrail'], 'x\ny\u202e');
    expect(y.get(['keys', 0, 'guardrail'])).toBe('x\ny\u202e');
  });

  it('writes a new list of maps in block style and short lists in flow style', () => {
    const text = 'version: 1\n';
    expect(edited(text, (y) => y.set(['keys'], [{ name: 'a', limit: 1, rotation: { every: '7d' } }]))).toBe(
      'version: 1\nkeys:\n  - name: a\n    limit: 1\n    rotation: { every: 7d }\n',
    );
    expect(edited(text, (y) => y.set(['ignore'], { keys: ['legacy-*'] }))).toBe('version: 1\nignore: { keys: [legacy-*] }\n');
  });

  it('replaces a block scalar and a block list value as a whole when asked to', () => {
    const text = 'a:\n  description: |\n    two\n    lines\n  b: 1\n';
    expect(edited(text, (y) => y.set(['a', 'description'], 'one'))).toBe('a:\n  description: one\n  b: 1\n');
    const list = 'g:\n  members:\n    - x@example.com\n    - y@example.com\n  n: 1\n';
    expect(edited(list, (y) => y.set(['g', 'members'], ['z@example.com']))).toBe('g:\n  members: [z@example.com]\n  n: 1\n');
  });

  it('edits a list entry by entry when entries are only removed or added at the end', () => {
    const list = 'g:\n  members:\n    - x@example.com   # lead\n    - y@example.com\n';
    expect(edited(list, (y) => y.set(['g', 'members'], ['x@example.com', 'z@example.com']))).toBe(
      'g:\n  members:\n    - x@example.com   # lead\n    - z@example.com\n',
    );
  });

  it('keeps CRLF line ends, and a file without a final newline gets its new line cleanly', () => {
    expect(edited('keys:\r\n  - name: a\r\n    limit: 1\r\n', (y) => y.set(['keys', 0, 'disabled'], true))).toBe(
      'keys:\r\n  - name: a\r\n    limit: 1\r\n    disabled: true\r\n',
    );
    expect(edited('keys:\n  - name: a', (y) => y.set(['keys', 0, 'limit'], 2))).toBe('keys:\n  - name: a\n    limit: 2\n');
  });

  it('sets an empty value', () => {
    expect(edited('a:\n  b:\n  c: 1\n', (y) => y.set(['a', 'b'], 5))).toBe('a:\n  b: 5\n  c: 1\n');
  });
});

describe('removing', () => {
  it('removes a field with the comment lines directly above it', () => {
    const text = 'keys:\n  - name: a\n    # until the audit\n    limit: 1\n    disabled: true\n';
    expect(edited(text, (y) => y.delete(['keys', 0, 'limit']))).toBe('keys:\n  - name: a\n    disabled: true\n');
  });

  it('moves the next field onto the dash line when the first field goes', () => {
    expect(edited('keys:\n  - name: a\n    limit: 1\n', (y) => y.delete(['keys', 0, 'name']))).toBe('keys:\n  - limit: 1\n');
  });

  it('leaves {} when the last field of a map goes, and [] when the last entry of a list goes', () => {
    expect(edited('w:\n  budgets:\n    daily: 5\n  n: 1\n', (y) => y.delete(['w', 'budgets', 'daily']))).toBe('w:\n  budgets: {}\n  n: 1\n');
    expect(edited('w:\n  budgets: { daily: 5 }\n', (y) => y.delete(['w', 'budgets', 'daily']))).toBe('w:\n  budgets: {}\n');
    expect(edited('keys:\n  - name: a\n    limit: 1\nversion: 1\n', (y) => y.delete(['keys', 0]))).toBe('keys: []\nversion: 1\n');
  });

  it('removes a flow entry with its comma', () => {
    const text = 'members: [a@x.org, b@x.org, c@x.org]\n';
    expect(edited(text, (y) => y.delete(['members', 0]))).toBe('members: [b@x.org, c@x.org]\n');
    expect(edited(text, (y) => y.delete(['members', 1]))).toBe('members: [a@x.org, c@x.org]\n');
    expect(edited(text, (y) => y.delete(['members', 2]))).toBe('members: [a@x.org, b@x.org]\n');
    expect(edited('b: { daily: 1, weekly: 2 }\n', (y) => y.delete(['b', 'weekly']))).toBe('b: { daily: 1 }\n');
  });

  it('removes a block entry with its comment and one of the blank lines around it', () => {
    const text = 'workspaces:\n  - slug: a\n\n  # the b team\n  - slug: b\n    name: B\n\n  - slug: c\n';
    expect(edited(text, (y) => y.delete(['workspaces', 1]))).toBe('workspaces:\n  - slug: a\n\n  - slug: c\n');
    expect(edited(text, (y) => y.delete(['workspaces', 2]))).toBe('workspaces:\n  - slug: a\n\n  # the b team\n  - slug: b\n    name: B\n');
  });

  it('says false for nothing to remove', () => {
    const y = new YamlText('a: 1\n');
    expect(y.delete(['b'])).toBe(false);
    expect(y.text).toBe('a: 1\n');
  });
});

describe('appending to a list', () => {
  it('adds an entry after the last, with the blank line the entries are separated by', () => {
    const text = 'workspaces:\n  - slug: a\n\n  - slug: b   # bee\n\nkeys: []\n';
    expect(edited(text, (y) => y.append(['workspaces'], { slug: 'c', budgets: { monthly: 10 } }))).toBe(
      'workspaces:\n  - slug: a\n\n  - slug: b   # bee\n\n  - slug: c\n    budgets: { monthly: 10 }\n\nkeys: []\n',
    );
  });

  it('turns an empty flow list into a block list for an entry that is a map', () => {
    expect(edited('version: 1\nkeys: []\n', (y) => y.append(['keys'], { name: 'a', limit: 1 }))).toBe('version: 1\nkeys:\n  - name: a\n    limit: 1\n');
    expect(edited('members: []\n', (y) => y.append(['members'], 'a@x.org'))).toBe('members: [a@x.org]\n');
    expect(edited('members: [a@x.org]   # team\n', (y) => y.append(['members'], 'b@x.org'))).toBe('members: [a@x.org, b@x.org]   # team\n');
  });

  it('creates the list, and a top-level section after a blank line when sections are separated so', () => {
    expect(edited('version: 1\n\nsecrets:\n  file: s.json\n', (y) => y.append(['keys'], { name: 'a' }))).toBe(
      'version: 1\n\nsecrets:\n  file: s.json\n\nkeys:\n  - name: a\n',
    );
  });
});

describe('refusals', () => {
  it('does not edit through an alias or a shared anchor, and leaves the text as it was', () => {
    const text = 'lists:\n  base: &providers [openai, anthropic]\nguardrails:\n  - name: g\n    allowed_providers: *providers\n';
    const y = new YamlText(text);
    expect(() => y.set(['lists', 'base', 0], 'google')).toThrow(/anchor &providers/);
    expect(() => y.set(['lists', 'base'], ['google'])).toThrow(/anchor &providers/);
    expect(() => y.set(['guardrails', 0, 'allowed_providers', 0], 'google')).toThrow(/alias \*providers/);
    expect(y.text).toBe(text);
  });

  it('refuses a text that is not YAML', () => {
    expect(() => new YamlText('a: [1, 2\n')).toThrow(YamlEditError);
  });

  it('every edit reads back as the data it was meant to produce', () => {
    const text = 'keys:\n  - name: a\n    limit: 1\n  - { name: b }\n';
    const y = new YamlText(text);
    y.set(['keys', 1, 'limit'], 2);
    y.append(['keys'], { name: 'c', members: ['x'] });
    y.delete(['keys', 0, 'limit']);
    expect(parse(y.text)).toEqual({ keys: [{ name: 'a' }, { name: 'b', limit: 2 }, { name: 'c', members: ['x'] }] });
  });
});

describe('blank lines around a removed entry', () => {
  const text = 'workspaces:\n  - slug: a\n\n  - slug: b\n\n  - slug: c\n\nkeys: []\n';
  it.each([
    [0, 'workspaces:\n  - slug: b\n\n  - slug: c\n\nkeys: []\n'],
    [1, 'workspaces:\n  - slug: a\n\n  - slug: c\n\nkeys: []\n'],
    [2, 'workspaces:\n  - slug: a\n\n  - slug: b\n\nkeys: []\n'],
  ])('entry %i: the others stay separated as they were', (i, expected) => {
    expect(edited(text, (y) => y.delete(['workspaces', i]))).toBe(expected);
  });
});
