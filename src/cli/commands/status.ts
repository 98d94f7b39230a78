import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import { helpText } from '../help-text.js';

export function registerStatus(program: Command, io: Io): void {
  program
    .command('status')
    .description('read-only report: credits, key usage against limits, expiring and disabled keys, unmanaged objects')
    .addHelpText('after', helpText('\nUsage is that of each key\'s reset period (daily, weekly, monthly; all time without one), BYOK included\n' +
        'when it counts toward the limit. Flags: AT LIMIT (100%), ≥80% used, EXPIRED, expires soon (within 14\n' +
        'days), disabled, never used. When the desired-state file (-f, default openrouter.admin.yaml) exists,\n' +
        'live objects it does not declare are listed. -o json gives one document for scripts, -o markdown a job summary.',)
    )
    .action(async () => {
      const { runStatus } = await import('../run-status.js');
      const fileGiven = program.getOptionValueSource('file') === 'cli';
      const code = await runStatus(globalOptions(program, io), io, { fileGiven }, new Date());
      if (code !== 0) throw new ExitCode(code);
    });
}
