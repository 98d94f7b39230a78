// The command sink: runs the configured command once per new key with the secret as JSON on stdin
// — never in its arguments or environment, where other processes and logs could see it. A non-zero
// exit is a failed delivery. The management key is not passed on to the command either.
import { spawn } from 'node:child_process';
import { OradminError } from '../../errors.js';
import { redactSecrets } from '../../api/redact.js';
import type { DeliveredSecret, SecretSink } from './types.js';

const CREDENTIAL_VARIABLES = ['OPENROUTER_MANAGEMENT_KEY', 'OPENROUTER_PROVISIONING_KEY'];

export class CommandSink implements SecretSink {
  readonly description: string;

  constructor(
    private readonly argv: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
  ) {
    this.description = `the command ${argv.join(' ')}`;
  }

  async check(): Promise<void> {
    if (this.argv.length === 0) throw new OradminError('secrets.command is empty');
  }

  async holds(): Promise<boolean> {
    return false;
  }

  deliver(entry: DeliveredSecret): Promise<void> {
    const env = { ...this.env };
    for (const v of CREDENTIAL_VARIABLES) delete env[v];
    return new Promise((resolve, reject) => {
      const child = spawn(this.argv[0]!, this.argv.slice(1), { cwd: this.cwd, env, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => {
        if (stderr.length < 2000) stderr += c;
      });
      child.on('error', (err) => reject(new OradminError(`secrets command ${this.argv[0]} could not start: ${err.message}`)));
      child.on('close', (code, signal) => {
        if (code === 0) return resolve();
        const why = signal ? `was killed by ${signal}` : `exited with ${code}`;
        const detail = stderr.trim() ? `: ${redactSecrets(stderr.trim().split('\n').slice(-3).join(' | ')).replaceAll(entry.secret, '[REDACTED]')}` : '';
        reject(new OradminError(`secrets command for ${entry.address} ${why}${detail}`));
      });
      child.stdin.on('error', () => undefined); // a command that exits without reading stdin
      child.stdin.end(`${JSON.stringify({ address: entry.address, workspace: entry.workspace, name: entry.name, secret: entry.secret, hash: entry.hash, created_at: entry.created_at })}\n`);
    });
  }
}
