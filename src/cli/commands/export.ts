import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';
import { helpText } from '../help-text.js';

export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('write the live organization as a desired-state file (members by email); plan on it is empty')
    .option('--out <path>', 'write to this new file (never overwritten) instead of stdout')
    .option('--workspace <slug...>', 'only these workspaces; the others go under ignore: so that plan leaves them alone')
    .addHelpText('after', helpText('\nThe file has unmanaged: report everywhere, so a first apply deletes nothing. Objects the file cannot\n' +
        'express (two keys or guardrails with one name in a workspace, a key bound to a guardrail of another\n' +
        'workspace, a guardrail without a workspace) are left out and named on stderr with what to do.\n' +
        'Add a secrets: section before apply creates keys.',)
    )
    .action(async (cmdOpts: { out?: string; workspace?: string[] }) => {
      const { runExport } = await import('../run-export.js');
      const code = await runExport(globalOptions(program, io), io, cmdOpts, new Date());
      if (code !== 0) throw new ExitCode(code);
    });
}
