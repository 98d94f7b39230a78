// `oradmin fmt [--check]`: one canonical layout, comments kept, meaning never changed.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runCli } from '../helpers/cli.js';

const EXAMPLES = [...readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`), 'openrouter.admin.yaml'];

describe('oradmin fmt', () => {
  it.each(EXAMPLES)('%s is already formatted: fmt leaves it byte for byte', async (example) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-fmt-'));
    const file = path.join(dir, path.basename(example));
    copyFileSync(path.join(REPO, example), file);
    expect((await runCli(['-f', file, 'fmt', '--check'])).code).toBe(0);
    const r = await runCli(['-f', file, 'fmt']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(REPO, example), 'utf8'));
  });

  it('puts fields in schema order with one layout, keeps every comment, and never changes the meaning', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-fmt-'));
    const messy = [
      '# The team file.',
      'keys:',
      '  # the production bot',
      '  - limit:    100     # USD',
      '    name: prod-bot',
      '    guardrail: cap',
      'guardrails:',
      '  - { reset_interval: daily, name: cap, limit_usd: 5,  allowed_providers: [ openai ] }',
      'version: 1',
      '',
      '',
      'workspaces:',
      '    - slug: default',
      '      budgets: {  daily: 10, monthly: 100 }',
      '',
    ].join('\n');
    const file = path.join(dir, 'openrouter.admin.yaml');
    writeFileSync(file, messy);
    const check = await runCli(['fmt', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toBe('openrouter.admin.yaml is not formatted (run oradmin fmt)\n');
    expect(readFileSync(file, 'utf8')).toBe(messy);

    const r = await runCli(['fmt'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('formatted openrouter.admin.yaml\n');
    const out = readFileSync(file, 'utf8');
    expect(out).toBe(
      [
        '# The team file.',
        'version: 1',
        '',
        'workspaces:',
        '  - slug: default',
        '    budgets: {monthly: 100, daily: 10}',
        '',
        'guardrails:',
        '  - {name: cap, limit_usd: 5, reset_interval: daily, allowed_providers: [openai]}',
        '',
        'keys:',
        '  # the production bot',
        '  - name: prod-bot',
        '    limit: 100 # USD',
        '    guardrail: cap',
        '',
      ].join('\n'),
    );
    expect(parse(out)).toEqual(parse(messy));
    expect((await runCli(['fmt', '--check'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('leaves a file that is not YAML alone, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-fmt-'));
    writeFileSync(path.join(dir, 'openrouter.admin.yaml'), 'version: 1\nkeys: [a\n');
    const r = await runCli(['fmt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('openrouter.admin.yaml: left as it is: it is not valid YAML (run oradmin validate)\n');
    expect(readFileSync(path.join(dir, 'openrouter.admin.yaml'), 'utf8')).toBe('version: 1\nkeys: [a\n');
  });
});
