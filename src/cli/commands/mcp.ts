import type { Command } from 'commander';
import { globalOptions, type Io } from '../context.js';

export function registerMcp(program: Command, io: Io): void {
  program
    .command('mcp')
    .description('serve the Model Context Protocol on stdio: an assistant reads the organization and proposes reviewed edits of the file')
    .option('--read-only', 'serve the read tools only (no edits of the desired-state file)')
    .addHelpText(
      'after',
      '\nRead tools: status, plan, validate, explain, list_objects (plan, status, explain and list_objects need\n' +
        'OPENROUTER_MANAGEMENT_KEY). Propose tools edit the desired-state file (-f) in place after validating the\n' +
        'edit, and return its diff and plan; nothing is ever written to the organization and no secret is shown.\n' +
        'Give -f as an absolute path: MCP clients start servers in a directory of their own.',
    )
    .action(async (cmdOpts: { readOnly?: boolean }) => {
      const { runMcp } = await import('../run-mcp.js');
      const fileGiven = program.getOptionValueSource('file') === 'cli';
      await runMcp(globalOptions(program, io), io, { readOnly: Boolean(cmdOpts.readOnly), fileGiven });
    });
}
