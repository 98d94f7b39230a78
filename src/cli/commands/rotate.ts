import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import { helpText } from '../help-text.js';
import type { RotateCommandOptions } from '../run-rotate.js';

export function registerRotate(program: Command, io: Io): void {
  program
    .command('rotate')
    .description('key lifecycle work only: rotate the named keys now, or with --due whatever is due by time')
    .argument('[address...]', 'keys to rotate now, whatever their age (key.<workspace>/<name>, globs with * allowed)')
    .option('--due', 'every rotation and retirement that is due by time, and nothing else (of the named keys, when given)')
    .option('--now', 'retire the predecessors of the named keys at once: overlap 0, for a leaked secret')
    .option('--auto-approve', 'do not ask for confirmation (required when stdin is not a TTY)')
    .option('--secrets-out <path>', 'write successors\u2019 secrets to this JSON file (mode 0600) instead of the file\u2019s `secrets:` sink')
    .option('--log-file <path>', 'append one JSON line per operation to this audit log (never secrets)')
    .option('--lock-timeout <duration>', 'how long to wait for another apply\u2019s lease before refusing', '60s')
    .option('--lock-ttl <duration>', 'how long this run\u2019s lease stays valid unless renewed', '45s')
    .addHelpText(
      'after',
      helpText(
        '\nA rotation creates a successor with the key\u2019s declared settings (an undeclared key: its live ' +
          'settings) through the safe key-creation protocol, delivers its secret to the same sink entry, and keeps ' +
          'the old key valid as its predecessor for rotation.overlap (1d for a key that declares no rotation); ' +
          'once that has passed, --due (or apply) deletes or disables it. rotate takes the apply lease and ' +
          'refuses what apply would refuse; other drift in the file is left to apply. See the README, "Key lifecycle".\n' +
          '\nExamples:\n' +
          '  oradmin rotate --due --auto-approve       on a schedule (examples/github/rotate.yml)\n' +
          '  oradmin rotate key.default/ci-bot --now   a leaked secret: new key, old one gone at once',
      ),
    )
    .action(async (addresses: string[], cmdOpts: Omit<RotateCommandOptions, 'addresses'>) => {
      const { runRotate } = await import('../run-rotate.js');
      const code = await runRotate(globalOptions(program, io), io, { ...cmdOpts, addresses });
      if (code !== 0) throw new ExitCode(code);
    });
}
