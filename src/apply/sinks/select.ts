import path from 'node:path';
import type { FileConfig } from '../../config/schema.js';
import { parseDuration } from '../../core/duration.js';
import { CommandSink, DEFAULT_COMMAND_TIMEOUT_MS } from './command-sink.js';
import { FileSink } from './file-sink.js';
import type { SecretSink } from './types.js';

/**
 * `--secrets-out` wins over the file's `secrets:`, as in the plan's `secrets_sink` (core/plan.ts),
 * which names the same choice. Paths and commands in the file are relative to the directory of the
 * desired-state file, so a workflow can run oradmin from anywhere.
 */
export function selectSink(opts: { secretsOut?: string | undefined; config: FileConfig; configDir: string; env: NodeJS.ProcessEnv }): SecretSink | undefined {
  if (opts.secretsOut) return new FileSink(opts.secretsOut);
  const s = opts.config.secrets;
  if (s?.file) return new FileSink(path.resolve(opts.configDir, s.file));
  if (s?.command) return new CommandSink(s.command, opts.env, opts.configDir, (s.timeout && parseDuration(s.timeout)) || DEFAULT_COMMAND_TIMEOUT_MS);
  return undefined;
}
