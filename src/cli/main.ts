// Entry point: builds the commander program, runs it, and turns every outcome into an exit code.
// Commands load their implementation lazily so that `oradmin --help` starts fast.
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, OradminError } from '../errors.js';
import { ExitCode } from './exit.js';
import { diagnosticsJson, inGitHubActions, printDiagnostics } from './diagnostics.js';
import { processIo, type Io } from './context.js';
import { VERSION } from '../version.js';
import { terminalText } from '../untrusted.js';
import { registerValidate } from './commands/validate.js';
import { registerPlan } from './commands/plan.js';
import { registerApply } from './commands/apply.js';
import { registerExport } from './commands/export.js';
import { registerStatus } from './commands/status.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSchema } from './commands/schema.js';
import { registerCompletion } from './commands/completion.js';
import { registerInit } from './commands/init.js';
import { helpText } from './help-text.js';
import { registerUnlock } from './commands/unlock.js';
import { registerMcp } from './commands/mcp.js';
import { registerRotate } from './commands/rotate.js';

export function buildProgram(io: Io): Command {
  const program = new Command();
  program
    .name('oradmin')
    .description(
      'Manage an OpenRouter organization as code: keys, spending limits, guardrails and workspaces ' +
        'declared in openrouter.admin.yaml, planned and applied through the management API.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(
      new Option('-f, --file <path>', 'desired-state file, or a directory whose *.yaml files are merged').default(
        'openrouter.admin.yaml',
      ),
    )
    .addOption(
      new Option('--api-url <url>', 'management API base URL (env OPENROUTER_API_URL)').default(
        undefined,
        'https://openrouter.ai/api/v1',
      ),
    )
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--no-color', 'no colour (also NO_COLOR, and when stdout is not a TTY)')
    .option('-v, --verbose', 'log each API request (method, path, status, ms) to stderr, redacted')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .addHelpText('after', helpText(`
Credentials come only from the environment: OPENROUTER_MANAGEMENT_KEY (alias OPENROUTER_PROVISIONING_KEY).

Exit codes: 0 success · 1 error (invalid file, API failure, refused plan) · 2 plan --detailed-exitcode found changes.

Examples:
  oradmin validate                       check openrouter.admin.yaml offline
  oradmin plan -o markdown               what would change, for a pull request
  oradmin apply --auto-approve           converge the organization (CI)
  oradmin export > openrouter.admin.yaml start from an existing organization
  oradmin sandbox --seed org.yaml        a local API to rehearse against`,)
    );

  registerValidate(program, io);
  registerPlan(program, io);
  registerApply(program, io);
  registerExport(program, io);
  registerStatus(program, io);
  registerSandbox(program, io);
  registerSchema(program, io);
  registerInit(program, io);
  registerCompletion(program, io);
  registerUnlock(program, io);
  registerMcp(program, io);
  registerRotate(program, io);
  return program;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    const opts = program.opts<{ verbose?: boolean; output?: string }>();
    return exitCodeFor(err, io, Boolean(opts.verbose), opts.output === 'json');
  }
}

function exitCodeFor(err: unknown, io: Io, verbose: boolean, json: boolean): number {
  if (err instanceof ExitCode) return err.code;
  if (err instanceof ConfigError) {
    // Commands that need a valid file (plan, apply, status) report it like validate does.
    if (json) io.stdout.write(diagnosticsJson(err.diagnostics, err.warnings));
    printDiagnostics(io, err.diagnostics, err.warnings, { annotations: !json && inGitHubActions(io) });
    return 1;
  }
  if (err instanceof CommanderError) {
    // Help and version end with code 0; usage errors were already printed by commander.
    return err.exitCode === 0 ? 0 : 1;
  }
  if (err instanceof OradminError) {
    // One line: the message may quote names from the organization or the API's own words.
    io.stderr.write(`${err.message.startsWith('oradmin:') ? '' : 'error: '}${terminalText(err.message)}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(
    `internal error: ${terminalText(e.message)}\n` +
      (verbose && e.stack ? `${e.stack}\n` : 'This is a bug in oradmin. Re-run with --verbose for a stack trace and report it.\n'),
  );
  return 1;
}

export async function main(argv: string[]): Promise<void> {
  // A reader that goes away (`oradmin plan | head`) is not an error of ours: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const code = await run(argv, processIo());
  // Let pending writes to pipes drain before exiting.
  process.exitCode = code;
}
