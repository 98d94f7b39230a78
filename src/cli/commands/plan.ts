import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

export function registerPlan(program: Command, io: Io): void {
  program
    .command('plan')
    .description('read the live organization and print the ordered changes that apply would make')
    .option('--out <planfile>', 'also save the plan (JSON, no secrets) for `oradmin apply <planfile>`')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--target <address...>', 'only these objects (e.g. key.default/ci-bot) and what they depend on')
    .action(async () => {
      void io;
      throw new OradminError('plan is not implemented yet');
    });
}
