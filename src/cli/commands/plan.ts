import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import { helpText } from '../help-text.js';

export function registerPlan(program: Command, io: Io): void {
  program
    .command('plan')
    .description('read the live organization and print the ordered changes that apply would make')
    .option('--out <planfile>', 'also save the plan (JSON, no secrets) for `oradmin apply <planfile>`')
    .option('--detailed-exitcode', 'exit 2 when there are changes or live objects the file does not declare (drift), 0 when there are none')
    .option('--target <address...>', 'only these objects (e.g. key.default/ci-bot, globs allowed) and what they depend on')
    .option('--secrets-out <path>', 'as for apply: the JSON file new secrets would go to (checked, named in the plan)')
    .option('--force', 'as for apply: the safety thresholds do not make apply refuse')
    .option('--allow-replace', 'as for apply: replacements of keys (new secrets) are allowed')
    .addHelpText('after', helpText('\nSymbols: + create, ~ update, -/+ replace, - delete, ± assign or unassign.\n' +
        'Exit codes: 0 no changes (or changes without --detailed-exitcode); 1 error, or apply would refuse this plan;\n' +
        '2 with --detailed-exitcode: changes, or live objects the file does not declare (unmanaged: report).\n' +
        'Give plan the flags apply will get, so that a green plan means a green apply.',)
    )
    .action(async (cmdOpts: { out?: string; detailedExitcode?: boolean; target?: string[]; secretsOut?: string; force?: boolean; allowReplace?: boolean }) => {
      const opts = globalOptions(program, io);
      const now = new Date();
      // The first pages and the file's loading start before the planner's modules load (early-reads.ts).
      const { countsFirst, startEarly } = await import('../early-reads.js');
      const early = startEarly(opts, io, now);
      // Two turns of the event loop before loading the planner: the first ends the turn in which the
      // connections were asked for, the second comes after the poll in which they opened and undici
      // wrote the first reads. In the one-script build (bin/cli-loader.js) the import below evaluates
      // its modules at once, which held the connections unopened and the requests unsent for ~40 ms.
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
      // A file of up to a few thousand keys is parsed first: the reader then asks for all of its
      // /keys pages at once instead of waiting for the first (early-reads.ts, COUNT_FIRST_MAX_BYTES).
      if (await countsFirst(early)) await early.counted;
      const { runPlan } = await import('../run-plan.js');
      const code = await runPlan(opts, io, cmdOpts, now, early);
      if (code !== 0) throw new ExitCode(code);
    });
}
