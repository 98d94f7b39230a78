import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { helpText } from '../help-text.js';

export function registerShow(program: Command, io: Io): void {
  program
    .command('show')
    .description('print a plan saved by `oradmin plan --out`, in text, markdown or JSON (offline)')
    .argument('<planfile>', 'the saved plan')
    .addHelpText('after', helpText('\nWith OPENROUTER_MANAGEMENT_KEY set, the planfile is checked to be unedited first, as apply checks it.'))
    .action(async (planfile: string) => {
      const { runShow } = await import('../run-show.js');
      await runShow(globalOptions(program, io), io, planfile);
    });
}
