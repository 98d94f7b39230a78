import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { ExitCode } from '../exit.js';

export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('write the live organization as a desired-state file (members by email); plan on it is empty')
    .option('--out <path>', 'write to this file (refused if it exists) instead of stdout')
    .option('--workspace <slug...>', 'only these workspaces; the others go under ignore: so plan leaves them alone')
    .addHelpText('after', '\nThe file starts with unmanaged: report everywhere, so a first apply deletes nothing.')
    .action(async (cmdOpts: { out?: string; workspace?: string[] }) => {
      const { runExport } = await import('../run-export.js');
      const code = await runExport(globalOptions(program, io), io, cmdOpts, new Date());
      if (code !== 0) throw new ExitCode(code);
    });
}
