// The command sink: runs the configured command once per new key with the secret as JSON on stdin
// — never in its arguments or environment, where other processes and logs could see it. The
// document: address, workspace, name, secret, hash, created_at, and `rotation` (true for a
// rotation's successor, which then also carries `predecessor_hash` and `predecessor_retires_at`,
// from when the key it succeeds stops working; PRODUCT.md section 8). A non-zero
// exit, or running past the timeout (its whole process group is then killed, so a hung `gh` child
// does not outlive it), is a failed delivery: the creation protocol then deletes the key.
//
// What the command prints is not shown, not even in errors: oradmin cannot tell a secret in it
// from a message once the command has encoded, truncated or reformatted it, and errors reach CI
// logs and `--log-file`. The command should report its own failures where its owner can read them.
//
// The management key is removed from the command's environment. That is hygiene, not a boundary:
// the command runs as the same user and can read whatever oradmin can, oradmin's initial
// environment included (/proc/<pid>/environ). Only configure a command you trust with that key.
import { spawn } from 'node:child_process';
import { OradminError } from '../../errors.js';
import type { DeliveredSecret, SecretSink } from './types.js';

const CREDENTIAL_VARIABLES = ['OPENROUTER_MANAGEMENT_KEY', 'OPENROUTER_PROVISIONING_KEY'];

export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;
/** After SIGTERM at the timeout, how long the process group has before SIGKILL. */
const KILL_GRACE_MS = 2_000;

/** What the command reads on stdin. */
export function commandDocument(entry: DeliveredSecret): Record<string, unknown> {
  return {
    address: entry.address,
    workspace: entry.workspace,
    name: entry.name,
    secret: entry.secret,
    hash: entry.hash,
    created_at: entry.created_at,
    rotation: entry.rotation !== undefined,
    ...(entry.rotation ? { predecessor_hash: entry.rotation.predecessor_hash, predecessor_retires_at: entry.rotation.predecessor_retires_at } : {}),
  };
}

export class CommandSink implements SecretSink {
  readonly description: string;

  constructor(
    private readonly argv: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
    private readonly timeoutMs: number = DEFAULT_COMMAND_TIMEOUT_MS,
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
    const command = this.argv[0]!;
    return new Promise((resolve, reject) => {
      // detached: its own process group, so that the timeout can stop everything it started.
      const child = spawn(command, this.argv.slice(1), { cwd: this.cwd, env, stdio: ['pipe', 'ignore', 'ignore'], detached: true });
      let timedOut = false;
      const killGroup = (signal: NodeJS.Signals) => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      };
      let hardKill: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup('SIGTERM');
        hardKill = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
      }, this.timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new OradminError(`secrets command ${command} could not start for ${entry.address}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (hardKill) clearTimeout(hardKill);
        // Whatever the command left running in its group goes too.
        killGroup('SIGKILL');
        if (timedOut) {
          return reject(
            new OradminError(
              `secrets command for ${entry.address} did not finish within ${Math.round(this.timeoutMs / 1000)} s and was stopped ` +
                '(its process group was killed); raise secrets.timeout if it needs longer',
            ),
          );
        }
        if (code === 0) return resolve();
        const why = signal ? `was killed by ${signal}` : `exited with ${code}`;
        reject(new OradminError(`secrets command for ${entry.address} ${why} (its output is not shown, as it could hold the secret)`));
      });
      child.stdin.on('error', () => undefined); // a command that exits without reading stdin
      child.stdin.end(`${JSON.stringify(commandDocument(entry))}\n`);
    });
  }
}
