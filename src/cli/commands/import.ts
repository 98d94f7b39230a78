import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { helpText } from '../help-text.js';

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description('bring one live object into the file as export would write it (plan is then empty for it)')
    .argument('<address>', 'e.g. key.default/ci-bot, guardrail.ml/cap, workspace.ml, key_guardrail.default/ci-bot')
    .addHelpText(
      'after',
      helpText(
        '\nThe object is appended to the file that already declares objects of its kind and workspace; everything else in the ' +
          'file stays as it is. The edited file must pass validate, or nothing is written. The change is printed as a diff.',
      ),
    )
    .action(async (address: string) => {
      const { runImport } = await import('../run-import.js');
      await runImport(globalOptions(program, io), io, address, new Date());
    });
}
