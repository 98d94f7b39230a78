import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';

export function registerPlan(program: Command, io: Io): void {
  program
    .command('plan')
    .description('read the live organization and print the ordered changes that apply would make')
    .option('--out <planfile>', 'also save the plan (JSON, no secrets) for `oradmin apply <planfile>`')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--target <address...>', 'only these objects (e.g. key.default/ci-bot, globs allowed) and what they depend on')
    .option('--secrets-out <path>', 'the secrets file apply would be given (--secrets-out): the plan names it as the sink for new keys')
    .addHelpText(
      'after',
      '\nSymbols: + create, ~ update, -/+ replace, - delete, ± assign/unassign a binding.\n' +
        'Exit codes: 0 no changes (or changes without --detailed-exitcode), 1 error, 2 changes with --detailed-exitcode.',
    )
    .action(async (cmdOpts: { out?: string; detailedExitcode?: boolean; target?: string[]; secretsOut?: string }) => {
      const { runPlan } = await import('../run-plan.js');
      const code = await runPlan(globalOptions(program, io), io, cmdOpts, new Date());
      if (code !== 0) throw new ExitCode(code);
    });
}
