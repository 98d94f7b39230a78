import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('write the live organization as a desired-state file (members by email); plan on it is empty')
    .option('--out <path>', 'write to this file instead of stdout')
    .option('--workspace <slug...>', 'only these workspaces')
    .action(async () => {
      void io;
      throw new OradminError('export is not implemented yet');
    });
}
