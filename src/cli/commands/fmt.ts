import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import { helpText } from '../help-text.js';

export function registerFmt(program: Command, io: Io): void {
  program
    .command('fmt')
    .description('rewrite the desired-state file(s) in the canonical order and layout, comments kept')
    .option('--check', 'write nothing; exit 1 when a file is not formatted (for a pull-request check)')
    .addHelpText('after', helpText('\nFields follow the order of the schema and the README; the meaning of the file never changes (fmt checks it).'))
    .action(async (cmdOpts: { check?: boolean }) => {
      const { runFmt } = await import('../run-fmt.js');
      const code = await runFmt(io, globalOptions(program, io).file, cmdOpts.check === true);
      if (code !== 0) throw new ExitCode(code);
    });
}
