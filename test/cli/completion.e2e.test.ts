// `oradmin completion` and `-V`: generated from the command tree, so every command and option is in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const COMMANDS = ['validate', 'plan', 'apply', 'export', 'status', 'sandbox', 'schema', 'completion'];

/** Runs bash's completion function on a command line, as pressing Tab would. */
function bashComplete(words: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-comp-'));
  const script = path.join(dir, 'complete.sh');
  writeFileSync(
    script,
    [
      `source <("${process.execPath}" "${BIN}" completion bash)`,
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_oradmin',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n'),
  );
  const r = spawnSync('bash', [script], { encoding: 'utf8', cwd: dir });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('shell completion', () => {
  it('bash completes commands, their options and option values', () => {
    expect(bashComplete(['oradmin', ''])).toEqual(expect.arrayContaining(COMMANDS));
    expect(bashComplete(['oradmin', 'pl'])).toEqual(['plan']);
    expect(bashComplete(['oradmin', 'plan', '--det'])).toEqual(['--detailed-exitcode']);
    // A global option's value is not taken for the command.
    expect(bashComplete(['oradmin', '-f', 'org.yaml', 'apply', '--auto'])).toEqual(['--auto-approve']);
    expect(bashComplete(['oradmin', 'plan', '-o', ''])).toEqual(['text', 'json', 'markdown']);
    expect(bashComplete(['oradmin', 'completion', ''])).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });

  it('zsh and fish scripts name every command and the options of each', async () => {
    const zsh = (await runCli(['completion', 'zsh'])).stdout;
    const fish = (await runCli(['completion', 'fish'])).stdout;
    expect(zsh.startsWith('#compdef oradmin\n')).toBe(true);
    for (const c of COMMANDS) {
      expect(zsh).toContain(`'${c}:`);
      expect(fish).toContain(`-a ${c} -d`);
    }
    expect(zsh).toContain("'--detailed-exitcode[");
    expect(fish).toContain("complete -c oradmin -n '__fish_seen_subcommand_from plan' -l detailed-exitcode");
  });

  it.skipIf(!has('zsh'))('the zsh script parses', async () => {
    const r = spawnSync('zsh', ['-n'], { input: (await runCli(['completion', 'zsh'])).stdout, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it.skipIf(!has('fish'))('the fish script parses', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'oradmin-fish-')), 'oradmin.fish');
    writeFileSync(file, (await runCli(['completion', 'fish'])).stdout);
    const r = spawnSync('fish', ['-n', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });

  it('-V prints the version, as --version does', async () => {
    const short = await runCli(['-V']);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runCli(['--version'])).stdout).toBe(short.stdout);
  });
});
