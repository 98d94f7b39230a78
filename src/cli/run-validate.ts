import { validateFile } from '../config/load.js';
import { terminalText } from '../untrusted.js';
import type { GlobalOptions, Io } from './context.js';
import { diagnosticsJson, inGitHubActions, printDiagnostics } from './diagnostics.js';

export async function runValidate(opts: GlobalOptions, io: Io, now: Date): Promise<number> {
  const result = await validateFile(opts.file, now);
  if (opts.output === 'json') {
    io.stdout.write(diagnosticsJson(result.errors, result.warnings));
    return result.errors.length > 0 ? 1 : 0;
  }
  printDiagnostics(io, result.errors, result.warnings, { annotations: inGitHubActions(io) });
  if (result.errors.length > 0) {
    const n = result.errors.length;
    io.stderr.write(`${n} error${n === 1 ? '' : 's'} in ${terminalText(opts.file)}\n`);
    return 1;
  }
  const c = result.loaded!.config;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  io.stdout.write(
    `${terminalText(opts.file)} is valid: ${count(c.workspaces?.length ?? 0, 'workspace')}, ${count(c.guardrails?.length ?? 0, 'guardrail')}, ${count(c.keys?.length ?? 0, 'key')}\n`,
  );
  return 0;
}
