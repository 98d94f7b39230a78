import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';
import { helpText } from '../help-text.js';

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('start a repository: a commented openrouter.admin.yaml, its JSON Schema, .gitignore entries and the GitHub workflows')
    .option('--no-workflows', 'do not write .github/workflows/oradmin-*.yml')
    .addHelpText('after', helpText('\nExisting files are kept, never overwritten. The file is written where -f points (default openrouter.admin.yaml).'))
    .action(async (cmdOpts: { workflows: boolean }) => {
      const { runInit } = await import('../run-init.js');
      await runInit(io, { file: globalOptions(program, io).file, workflows: cmdOpts.workflows });
    });
}
