// bin/cli-loader.js: which build a command line runs (the one-script build with its code cache, or
// the chunks), that the build's cache is one this Node accepts, and that both builds run the same
// CLI — including from a copy whose cache V8 turns down.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { org } from '../helpers/org.js';
import { CACHE, loadsLittle } from '../../bin/cli-loader.js';

/** What loadCli chooses for `args` in a fresh Node (the test runner's own flags kept out). */
function chosen(root: string, args: string[]): { build: string; cacheRejected: boolean | null } {
  const loader = path.join(root, 'bin/cli-loader.js');
  const code = `const { loadCli } = await import(${JSON.stringify(loader)}); const r = await loadCli(${JSON.stringify(args)}); console.log(JSON.stringify({ build: r.build, cacheRejected: r.cacheRejected ?? null }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  return JSON.parse(out) as { build: string; cacheRejected: boolean | null };
}

const desired = 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: bot, limit: 2 }\n  - { name: new-bot, limit: 3 }\n';

describe('the CLI loader', () => {
  it('runs the chunks for help, version and completion, and the cached script for every other command', () => {
    for (const args of [[], ['--help'], ['-h'], ['--version'], ['help'], ['help', 'plan'], ['completion', 'bash']]) expect(loadsLittle(args), args.join(' ')).toBe(true);
    for (const args of [['plan'], ['plan', '--help'], ['-f', 'x.yaml', 'plan'], ['apply', '--auto-approve'], ['validate'], ['status'], ['mcp']]) expect(loadsLittle(args), args.join(' ')).toBe(false);
  });

  it("has a code cache from the build that this Node accepts, named for this Node's version", () => {
    expect(path.basename(CACHE)).toBe(`oradmin.cjs.${process.version}-${process.arch}.cache`);
    expect(chosen(REPO, ['plan'])).toEqual({ build: 'cached-script', cacheRejected: false });
    expect(chosen(REPO, ['--help'])).toEqual({ build: 'chunks', cacheRejected: null });
  });

  it('plans the same with the cached script, the chunks, and a cache that V8 turns down', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }, { name: 'old', limit: 5 }] });
    o.write('openrouter.admin.yaml', desired);
    // A copy of the package whose cache is not one V8 made: V8 rejects it and compiles the source.
    const copy = mkdtempSync(path.join(tmpdir(), 'oradmin-loader-'));
    for (const entry of ['bin', 'dist/bundle', 'package.json']) cpSync(path.join(REPO, entry), path.join(copy, entry), { recursive: true });
    const cache = readdirSync(path.join(copy, 'dist/bundle')).find((f) => f.endsWith('.cache'));
    writeFileSync(path.join(copy, 'dist/bundle', cache!), Buffer.alloc(4096, 7));
    expect(chosen(copy, ['plan'])).toEqual({ build: 'cached-script', cacheRejected: true });

    const outputs: Record<string, string[]> = {};
    const variants: [string, string, Record<string, string>][] = [
      ['cached script', path.join(REPO, 'bin/oradmin.js'), {}],
      ['chunks', path.join(REPO, 'bin/oradmin.js'), { ORADMIN_CODE_CACHE: 'off' }],
      ['rejected cache', path.join(copy, 'bin/oradmin.js'), {}],
    ];
    for (const [name, bin, env] of variants) {
      outputs[name] = [];
      for (const args of [['plan', '--detailed-exitcode'], ['plan', '-o', 'json'], ['validate'], ['plan', '-f', 'missing.yaml']]) {
        const r = await runCli(args, { cwd: o.dir, env: { ...o.env, ...env }, bin });
        outputs[name].push(`${args.join(' ')} → ${r.code}\n${r.stdout}\n${r.stderr}`);
      }
    }
    expect(outputs['cached script']![0]).toContain('→ 2\n');
    expect(outputs['cached script']![0]).toContain('new-bot');
    expect(outputs['cached script']![3]).toContain('missing.yaml:1:1: cannot read missing.yaml');
    expect(outputs['chunks']).toEqual(outputs['cached script']);
    expect(outputs['rejected cache']).toEqual(outputs['cached script']);
  });
});
