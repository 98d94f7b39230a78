import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';

export function registerStatus(program: Command, io: Io): void {
  program
    .command('status')
    .description('read-only report: credits, key usage against limits, expiring and disabled keys, unmanaged objects')
    .addHelpText(
      'after',
      '\nFlags: AT LIMIT (100%), ≥80% used, EXPIRED, expires soon (14 days), disabled, never used.\n' +
        'When the desired-state file (-f) exists, live objects it does not declare are listed. -o json for scripts.',
    )
    .action(async () => {
      const { runStatus } = await import('../run-status.js');
      const code = await runStatus(globalOptions(program, io), io, new Date());
      if (code !== 0) throw new ExitCode(code);
    });
}
