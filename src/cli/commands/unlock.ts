import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';

export function registerUnlock(program: Command, io: Io): void {
  program
    .command('unlock')
    .description('release the apply lease of a run that is no longer running (as `terraform force-unlock`)')
    .argument('<run>', 'the run id that `apply` and `plan` name as holding the lease')
    .action(async (run: string) => {
      const { runUnlock } = await import('../run-unlock.js');
      await runUnlock(globalOptions(program, io), io, run);
    });
}
