// What every command receives: the global options, resolved once, and the process streams.
import type { Command } from 'commander';

export type OutputFormat = 'text' | 'json' | 'markdown';

export interface GlobalOptions {
  file: string;
  apiUrl: string | undefined;
  output: OutputFormat;
  color: boolean;
  verbose: boolean;
}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Colour only on a TTY, never with --no-color or NO_COLOR (https://no-color.org). */
export function useColor(program: Command, io: Io): boolean {
  const opts = program.opts<{ color?: boolean }>();
  if (opts.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(io.stdout.isTTY);
}

export function globalOptions(program: Command, io: Io): GlobalOptions {
  const opts = program.opts<{ file: string; apiUrl?: string; output: OutputFormat; verbose?: boolean }>();
  return {
    file: opts.file,
    apiUrl: opts.apiUrl,
    output: opts.output,
    color: useColor(program, io),
    verbose: Boolean(opts.verbose),
  };
}
