import { InvalidArgumentError, type Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { helpText } from '../help-text.js';

export function registerShow(program: Command, io: Io): void {
  program
    .command('show')
    .description('print a plan saved by `oradmin plan --out`, in text, markdown or JSON (offline)')
    .argument('<planfile>', 'the saved plan')
    .option('--max-chars <n>', 'markdown: at most this many characters (a PR comment: 65536); beyond, the summary, refusals and widening changes', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1000) throw new InvalidArgumentError('a whole number of at least 1000');
      return n;
    })
    .option('--whole-plan-at <where>', 'with --max-chars: where a reader finds the whole plan (e.g. "the job summary")')
    .addHelpText('after', helpText('\nWith OPENROUTER_MANAGEMENT_KEY set, the planfile is checked to be unedited first, as apply checks it.'))
    .action(async (planfile: string, cmdOpts: { maxChars?: number; wholePlanAt?: string }) => {
      const { runShow } = await import('../run-show.js');
      await runShow(globalOptions(program, io), io, planfile, cmdOpts);
    });
}
