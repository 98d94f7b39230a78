import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of openrouter.admin.yaml (for editors)')
    .action(async () => {
      void io;
      throw new OradminError('schema is not implemented yet');
    });
}
