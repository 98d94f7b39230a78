// Entry point: builds the commander program, runs it, and turns every outcome into an exit code.
// Commands load their implementation lazily so that `oradmin --help` starts fast.
import v8 from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, OradminError } from '../errors.js';
import { ExitCode } from './exit.js';
import { diagnosticsJson, inGitHubActions, printDiagnostics } from './diagnostics.js';
import { processIo, type Io } from './context.js';
import { VERSION } from '../version.js';
import { jsonText, terminalText } from '../untrusted.js';
import { ApiError } from '../api/errors.js';
import { registerValidate } from './commands/validate.js';
import { registerPlan } from './commands/plan.js';
import { registerApply } from './commands/apply.js';
import { registerExport } from './commands/export.js';
import { registerStatus } from './commands/status.js';
import { registerActivity } from './commands/activity.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSchema } from './commands/schema.js';
import { registerCompletion } from './commands/completion.js';
import { registerInit } from './commands/init.js';
import { registerShow } from './commands/show.js';
import { registerImport } from './commands/import.js';
import { registerFmt } from './commands/fmt.js';
import { helpText } from './help-text.js';
import { registerUnlock } from './commands/unlock.js';
import { registerMcp } from './commands/mcp.js';
import { registerRotate } from './commands/rotate.js';

const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'csv'];

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
    .addOption(
      new Option('-o, --output <format>', 'output format (activity also csv)')
        .choices(['text', 'json', 'markdown'])
        // csv is parsed here and refused below for every command but activity: the listed choices
        // (help, shell completion) stay those every command has.
        .argParser((value: string) => {
          if (!OUTPUT_FORMATS.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${OUTPUT_FORMATS.join(', ')}.`);
          return value;
        })
        .default('text'),
    )
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

  // csv is a table of rows: only the activity report has one.
  program.hook('preAction', (_program, action) => {
    if (program.opts<{ output: string }>().output === 'csv' && action.name() !== 'activity') {
      throw new OradminError(`-o csv is for oradmin activity only; ${action.name()} prints text, json or markdown`);
    }
  });
  registerValidate(program, io);
  registerPlan(program, io);
  registerApply(program, io);
  registerExport(program, io);
  registerStatus(program, io);
  registerActivity(program, io);
  registerSandbox(program, io);
  registerSchema(program, io);
  registerShow(program, io);
  registerImport(program, io);
  registerFmt(program, io);
  registerInit(program, io);
  registerCompletion(program, io);
  registerUnlock(program, io);
  registerMcp(program, io);
  registerRotate(program, io);
  return program;
}

export async function run(argv: string[], processIo: Io): Promise<number> {
  // undici parses HTTP with llhttp compiled to WebAssembly. V8 starts it on its baseline compiler
  // (Liftoff) and re-compiles the hot parser with TurboFan in a background job that takes ~200 ms
  // for llhttp's one huge state-machine function — and Node waits for that job before it exits, so
  // every command that talked to the API ended ~200 ms after its work was done (a 4-key plan: 0.64 s
  // → 0.47 s without it). Liftoff's code parses the management API's answers fast enough: a
  // 10k-key plan is no slower (npm run bench). Set before the first connection compiles the parser.
  v8.setFlagsFromString('--liftoff-only');
  // With -o json, stdout carries exactly one JSON document: a failure before the command wrote its
  // own is reported as one (errorJson), after it only on stderr.
  let wroteStdout = false;
  const stdout = Object.assign(Object.create(processIo.stdout) as Io['stdout'], {
    write: (...args: Parameters<Io['stdout']['write']>) => {
      wroteStdout = true;
      return (processIo.stdout.write as (...a: unknown[]) => boolean).apply(processIo.stdout, args);
    },
  });
  const io: Io = { ...processIo, stdout };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    const opts = program.opts<{ verbose?: boolean; output?: string }>();
    const json = opts.output === 'json';
    const code = exitCodeFor(err, io, Boolean(opts.verbose), json && !wroteStdout);
    if (json && !wroteStdout && code !== 0 && !(err instanceof ExitCode) && !(err instanceof CommanderError)) {
      io.stdout.write(errorJson(err));
    }
    return code;
  }
}

/**
 * The JSON document of a failure (`-o json`): what went wrong, and for an API failure where — the
 * same words as on stderr, for a script to read.
 */
function errorJson(err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const error: Record<string, unknown> = {
    kind: err instanceof ApiError ? 'api' : err instanceof OradminError ? 'usage' : 'internal',
    message: e.message,
  };
  if (err instanceof ApiError) {
    Object.assign(error, {
      operation: err.operation,
      method: err.method,
      ...(err.url ? { url: err.url } : {}),
      ...(err.status !== undefined ? { status: err.status } : {}),
      ...(err.code !== undefined ? { code: err.code } : {}),
      ...(err.address !== undefined ? { address: err.address } : {}),
      ...(err.apiMessage !== undefined ? { api_message: err.apiMessage } : {}),
      ...(err.hint !== undefined ? { hint: err.hint } : {}),
    });
  }
  return `${jsonText(JSON.stringify({ format_version: 1, error }, null, 2))}\n`;
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
