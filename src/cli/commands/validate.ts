import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import { helpText } from '../help-text.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check the desired-state file offline: YAML, schema, references and policy (no credentials needed)')
    .addHelpText('after', helpText('\nEvery problem is reported as file:line:col: message, all at once. -o json prints {errors, warnings}.'))
    .action(async () => {
      const opts = globalOptions(program, io);
      const { runValidate } = await import('../run-validate.js');
      const code = await runValidate(opts, io, new Date());
      if (code !== 0) throw new ExitCode(code);
    });
}
