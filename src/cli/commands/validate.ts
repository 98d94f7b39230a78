import type { Command } from 'commander';
import type { Io } from '../context.js';
import { globalOptions } from '../context.js';
import { OradminError } from '../../errors.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check the desired-state file offline: YAML, schema, references and policy (no credentials needed)')
    .action(async () => {
      void globalOptions(program, io);
      throw new OradminError('validate is not implemented yet');
    });
}
