// bin/cli-loader.js: which build a command line runs (the one-script build with its code cache, or
// the chunks), that the build's cache is one this Node accepts, that the chunks run whenever the
// script cannot be used as built (a cache of another build, other V8 flags, a script that fails to
// load), and that every build runs the same CLI.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { org } from '../helpers/org.js';
import { buildIdOf, cachePathFor, runsFromChunks, SCRIPT } from '../../bin/cli-loader.js';

/** What loadCli chooses for `args` in a fresh Node (the test runner's own flags kept out). */
function chosen(root: string, args: string[], nodeFlags: string[] = []): { build: string; cacheRejected: boolean | null } {
  const loader = path.join(root, 'bin/cli-loader.js');
  const code = `const { loadCli } = await import(${JSON.stringify(loader)}); const r = await loadCli(${JSON.stringify(args)}); console.log(JSON.stringify({ build: r.build, cacheRejected: r.cacheRejected ?? null }));`;
  const out = execFileSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', code], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  return JSON.parse(out) as { build: string; cacheRejected: boolean | null };
}

const desired = 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: bot, limit: 2 }\n  - { name: new-bot, limit: 3 }\n';

describe('the CLI loader', () => {
  it('runs the chunks for help, version, completion, the sandbox and the MCP server, and the cached script for every other command', () => {
    for (const args of [[], ['--help'], ['-h'], ['--version'], ['help'], ['help', 'plan'], ['completion', 'bash'], ['sandbox', '--port', '0'], ['mcp'], ['-f', 'x.yaml', 'mcp']]) {
      expect(runsFromChunks(args), args.join(' ')).toBe(true);
    }
    for (const args of [['plan'], ['plan', '--help'], ['-f', 'x.yaml', 'plan'], ['apply', '--auto-approve'], ['validate'], ['status'], ['export'], ['activity']]) {
      expect(runsFromChunks(args), args.join(' ')).toBe(false);
    }
  });

  it('leaves the sandbox and the MCP server out of the script, which the chunks run instead', () => {
    const script = readFileSync(SCRIPT, 'latin1');
    expect(script).toContain('"src/cli/run-plan.ts"'); // esbuild names each module it wraps
    expect(script).not.toContain('"src/sandbox/');
    expect(script).not.toContain('"src/mcp/');
  });

  it("has a code cache from the build that this Node accepts, named for this build and this Node's version", () => {
    const id = buildIdOf(readFileSync(SCRIPT, 'latin1'));
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(path.basename(cachePathFor(id!))).toBe(`oradmin.cjs.${id}.${process.version}-${process.arch}.cache`);
    expect(chosen(REPO, ['plan'])).toEqual({ build: 'cached-script', cacheRejected: false });
    expect(chosen(REPO, ['--help'])).toEqual({ build: 'chunks', cacheRejected: null });
    // Other V8 flags than the build's: V8 would turn the cache down and compile the whole script.
    expect(chosen(REPO, ['plan'], ['--max-old-space-size=300'])).toEqual({ build: 'chunks', cacheRejected: null });
    expect(chosen(REPO, ['plan'], ['--no-warnings'])).toEqual({ build: 'cached-script', cacheRejected: false });
  });

  it('falls back to the chunks when the script cannot be used as built, and plans the same with every build', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }, { name: 'old', limit: 5 }] });
    o.write('openrouter.admin.yaml', desired);
    // Copies of the package (bin/, dist/bundle/), each with its script or cache spoiled in one way.
    const copyOfPackage = (spoil: (bundleDir: string, cache: string) => void): string => {
      const copy = mkdtempSync(path.join(tmpdir(), 'oradmin-loader-'));
      for (const entry of ['bin', 'dist/bundle', 'package.json']) cpSync(path.join(REPO, entry), path.join(copy, entry), { recursive: true });
      const dir = path.join(copy, 'dist/bundle');
      spoil(dir, path.join(dir, readdirSync(dir).find((f) => f.endsWith('.cache'))!));
      return copy;
    };
    // A cache whose bytes are not one V8 made: V8 turns it down and compiles the source.
    const rejected = copyOfPackage((_dir, cache) => writeFileSync(cache, Buffer.alloc(4096, 7)));
    expect(chosen(rejected, ['plan'])).toEqual({ build: 'cached-script', cacheRejected: true });
    // Another build of the script beside the old cache (a rebuild): V8 would take the cache if the
    // length matched, so the loader must not offer it.
    const rebuilt = copyOfPackage((dir) => {
      const script = path.join(dir, 'oradmin.cjs');
      writeFileSync(script, readFileSync(script, 'latin1').replace(/^\/\/ oradmin build [0-9a-f]{16}/, '// oradmin build 0123456789abcdef'), 'latin1');
    });
    expect(chosen(rebuilt, ['plan'])).toEqual({ build: 'chunks', cacheRejected: null });
    // A script that fails as it loads: the chunks run instead.
    const broken = copyOfPackage((dir) => {
      const script = path.join(dir, 'oradmin.cjs');
      const [first] = readFileSync(script, 'latin1').split('\n', 1);
      writeFileSync(script, `${first}\nthrow new Error('broken build');\n`, 'latin1');
    });
    expect(chosen(broken, ['plan'])).toEqual({ build: 'chunks', cacheRejected: null });

    const outputs: Record<string, string[]> = {};
    const variants: [string, string, Record<string, string>][] = [
      ['cached script', path.join(REPO, 'bin/oradmin.js'), {}],
      ['chunks', path.join(REPO, 'bin/oradmin.js'), { ORADMIN_CODE_CACHE: 'off' }],
      ['rejected cache', path.join(rejected, 'bin/oradmin.js'), {}],
      ['broken script', path.join(broken, 'bin/oradmin.js'), {}],
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
    expect(outputs['broken script']).toEqual(outputs['cached script']);
  });
});
