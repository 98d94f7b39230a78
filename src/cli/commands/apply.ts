import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

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
    .action(async () => {
      void io;
      throw new OradminError('apply is not implemented yet');
    });
}
