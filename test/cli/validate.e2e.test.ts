import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const bad = 'test/config/cases/unknown-field-suggestion/input.yaml';

describe('oradmin validate', () => {
  it('accepts a valid file with exit 0 and a one-line summary', async () => {
    const r = await runCli(['validate', '-f', 'examples/multi-team.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('examples/multi-team.yaml is valid: 4 workspaces, 4 guardrails, 7 keys\n');
  });

  it('points an indentation mistake at the line that is off, with a code frame', async () => {
    const file = 'test/config/cases/yaml-indentation/input.yaml';
    const r = await runCli(['validate', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        `${file}:7:6: YAML indentation error: line 7 is indented 5 spaces, deeper than line 6 (4), whose value is on that line, so nothing can nest under it: indent line 7 by 4 spaces to put it beside it`,
        '      5 |   - name: prod-bot',
        '      6 |     limit: 5',
        '    > 7 |      limit_reset: daily',
        '        |      ^',
        `1 error in ${file}`,
        '',
      ].join('\n'),
    );
    // Machines get the positioned message without the frame.
    const json = JSON.parse((await runCli(['validate', '-f', file, '-o', 'json'])).stdout);
    expect(json.errors).toEqual([{ file, line: 7, col: 6, message: expect.stringMatching(/^YAML indentation error: line 7 is indented 5 spaces/) }]);
  });

  it('reports every error as file:line:col on stderr with exit 1', async () => {
    const r = await runCli(['validate', '-f', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}:4:5: unknown field "limt" in keys[0]; did you mean "limit"?`);
    expect(r.stderr).toContain(`${bad}:7:5: unknown field "reset_intervall"`);
    expect(r.stderr).toMatch(/3 errors in /);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('-o json prints exactly one document with errors and warnings', async () => {
    const r = await runCli(['validate', '-f', bad, '-o', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.warnings).toEqual([]);
    expect(doc.errors).toHaveLength(3);
    expect(doc.errors[0]).toEqual({ file: bad, line: 4, col: 5, message: 'unknown field "limt" in keys[0]; did you mean "limit"?' });
  });

  it('prints GitHub annotations on stdout inside GitHub Actions', async () => {
    const r = await runCli(['validate', '-f', bad], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error file=${bad},line=4,col=5::unknown field "limt" in keys[0]; did you mean "limit"?`);
  });

  it('merges a directory and names both places of a duplicate', async () => {
    const r = await runCli(['validate', '-f', 'test/config/cases/directory-duplicates/input']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('input/b.yaml:6:11: key "bot" is already declared in workspace "default" at test/config/cases/directory-duplicates/input/a.yaml:5:11');
  });

  it('names a missing file and how to point at another', async () => {
    const r = await runCli(['validate', '-f', 'nope.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nope.yaml:1:1: cannot read nope.yaml: no such file or directory (use -f <file or directory>)\n1 error in nope.yaml\n');
  });

  it('rejects a 50 MB file quickly without reading it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-big-'));
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `version: 1\n# ${'x'.repeat(50 * 1024 * 1024)}\n`);
    const r = await runCli(['validate', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('file is 50.0 MB; the limit is 8 MB');
  });
});

describe('help', () => {
  it('lists every command of the contract', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['validate', 'plan', 'apply', 'export', 'status', 'sandbox', 'schema']) expect(r.stdout).toContain(`  ${c}`);
    for (const o of ['--file', '--api-url', '--output', '--no-color', '--verbose']) expect(r.stdout).toContain(o);
  });

  it.each([
    ['plan', ['--out', '--detailed-exitcode', '--target']],
    ['apply', ['--auto-approve', '--secrets-out', '--allow-replace', '--force', '--target', '[planfile]']],
    ['export', ['--out']],
    ['sandbox', ['--port', '--seed', '--latency', '--fault-rate']],
  ])('%s --help shows its options', async (cmd, opts) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    for (const o of opts) expect(r.stdout).toContain(o);
  });

  it('every --help fits 80 columns and wraps at word boundaries', async () => {
    for (const cmd of [[], ['validate'], ['plan'], ['apply'], ['export'], ['status'], ['sandbox'], ['schema'], ['completion']]) {
      const r = await runCli([...cmd, '--help']);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(line.length, `${cmd.join(' ')} --help: ${line}`).toBeLessThanOrEqual(80);
      // A description is never broken before its last words by a hard line break of ours.
      expect(r.stdout).not.toMatch(/workspaces\ndeclared/);
    }
  });

  it('an unknown command is a usage error with exit 1', async () => {
    const r = await runCli(['bogus']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown command 'bogus'");
  });
});
