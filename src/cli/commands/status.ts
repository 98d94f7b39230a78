import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

export function registerStatus(program: Command, io: Io): void {
  program
    .command('status')
    .description('read-only report: credits, key usage against limits, expiring and disabled keys, unmanaged objects')
    .action(async () => {
      void io;
      throw new OradminError('status is not implemented yet');
    });
}
