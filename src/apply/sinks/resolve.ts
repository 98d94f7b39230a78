// The sink apply would use, resolved the same way for `plan` (which names it and checks it) and
// for `apply` (which delivers to it): `--secrets-out` wins over the file's `secrets:`, and paths and
// commands in the file are relative to the directory of the desired-state file.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileConfig } from '../../config/schema.js';
import { selectSink } from './select.js';
import type { SecretSink } from './types.js';

export async function resolveSink(opts: { file: string; secretsOut?: string; config: FileConfig; env: NodeJS.ProcessEnv }): Promise<SecretSink | undefined> {
  return selectSink({ secretsOut: opts.secretsOut, config: opts.config, configDir: await configDir(opts.file), env: opts.env });
}

async function configDir(file: string): Promise<string> {
  try {
    return (await stat(file)).isDirectory() ? path.resolve(file) : path.dirname(path.resolve(file));
  } catch {
    return process.cwd();
  }
}
