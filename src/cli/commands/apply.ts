import { InvalidArgumentError, Option, type Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import type { ApplyCommandOptions } from '../run-apply.js';
import { helpText } from '../help-text.js';

function parseBool(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError('takes true or false (e.g. --lock=false)');
}

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
    .addOption(
      new Option('--lock [bool]', 'hold the organization\u2019s apply lease, so that no other apply runs at the same time')
        .default(true)
        .argParser(parseBool),
    )
    .option('--no-lock', 'same as --lock=false: do not take the lease (only when nothing else can apply)')
    .option('--lock-timeout <duration>', 'how long to wait for another apply\u2019s lease before refusing', '60s')
    .option('--lock-ttl <duration>', 'how long this apply\u2019s lease stays valid unless renewed (a crashed apply blocks others this long)', '45s')
    .addHelpText(
      'after',
      helpText(
        '\nNew keys are created under a temporary name, secured, delivered to the secrets sink and then renamed, ' +
          'so an interrupted apply is finished or cleaned up by the next one. One apply at a time holds the ' +
          'organization\u2019s lease; `oradmin unlock <run>` releases a crashed one. See the README, "Safety model".',
      ),
    )
    .action(async (planfile: string | undefined, cmdOpts: ApplyCommandOptions) => {
      const { runApply } = await import('../run-apply.js');
      const code = await runApply(globalOptions(program, io), io, { ...cmdOpts, ...(planfile === undefined ? {} : { planfile }) });
      if (code !== 0) throw new ExitCode(code);
    });
}
