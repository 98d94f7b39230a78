import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import type { ApplyCommandOptions } from '../run-apply.js';
import { helpText } from '../help-text.js';

export function registerApply(program: Command, io: Io): void {
  program
    .command('apply')
    .description('print the plan, ask for confirmation, execute it, then re-read and verify')
    .argument('[planfile]', 'a plan saved by `oradmin plan --out`; refused if the file or the organization changed since')
    .option('--auto-approve', 'do not ask for confirmation (required when stdin is not a TTY)')
    .option('--secrets-out <path>', 'write new keys\u2019 secrets to this JSON file (mode 0600) instead of the file\u2019s `secrets:` sink')
    .option('--allow-replace', 'allow replacing keys whose immutable fields changed (issues new secrets)')
    .option('--force', 'proceed even when the plan exceeds the safety thresholds')
    .option('--target <address...>', 'only these objects and what they depend on')
    .option('--log-file <path>', 'append one JSON line per operation to this audit log (never secrets)')
    .addHelpText('after', helpText('\nNew keys are created under a temporary name, secured, delivered to the secrets sink and then renamed,\n' +
        'so an interrupted apply is finished or cleaned up by the next one. See the README, "Safety model".',)
    )
    .action(async (planfile: string | undefined, cmdOpts: ApplyCommandOptions) => {
      const { runApply } = await import('../run-apply.js');
      const fileGiven = program.getOptionValueSource('file') === 'cli';
      const code = await runApply(globalOptions(program, io), io, { ...cmdOpts, planfile, fileGiven });
      if (code !== 0) throw new ExitCode(code);
    });
}
