// `oradmin sandbox`: runs the local management API until Ctrl-C. stdout carries exactly the two
// `export` lines a user pastes into a shell; everything else goes to stderr (PRODUCT.md §2, §6).
import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

interface SandboxFlags {
  port: string;
  seed?: string;
  latency: string;
  faultRate: string;
  managementKey?: string;
  persist?: string;
  rateLimit?: string;
}

export function registerSandbox(program: Command, io: Io): void {
  program
    .command('sandbox')
    .description('run a local OpenRouter management API (in memory) to rehearse against')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--seed <file>', 'YAML or JSON file with the initial organization')
    .option('--latency <ms>', 'added latency per request', '0')
    .option('--fault-rate <p>', 'probability of an injected 429/5xx/connection reset per request', '0')
    .option('--management-key <key>', 'the management key to accept (generated when omitted)')
    .option('--persist <file>', 'keep the organization in this JSON file across runs (read at start, written after each change)')
    .option('--rate-limit <per-second>', 'answer 429 beyond this many requests per second')
    .action(async (flags: SandboxFlags) => {
      // Loaded here, not at the top, so that `oradmin --help` does not pay for the sandbox.
      const { startSandbox, faultsForRate, SeedError, PersistError } = await import('../../sandbox/index.js');
      const port = numberFlag('--port', flags.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
      const latencyMs = numberFlag('--latency', flags.latency, (n) => n >= 0);
      const faultRate = numberFlag('--fault-rate', flags.faultRate, (n) => n >= 0 && n <= 1);
      // It is printed in an `export` line meant to be pasted into a shell: no quoting needed.
      if (flags.managementKey !== undefined && !/^[A-Za-z0-9._~+/=-]+$/.test(flags.managementKey)) {
        throw new OradminError('--management-key: use letters, digits and . _ ~ + / = - only');
      }
      const perSecond =
        flags.rateLimit === undefined ? undefined : numberFlag('--rate-limit', flags.rateLimit, (n) => n > 0);

      let sandbox;
      try {
        sandbox = await startSandbox({
          port,
          seed: flags.seed,
          latencyMs,
          faults: faultsForRate(faultRate),
          managementKey: flags.managementKey,
          persistPath: flags.persist,
          // A bucket of one second's worth: short bursts pass, sustained excess gets 429.
          rateLimit: perSecond === undefined ? null : { capacity: Math.max(1, perSecond), refillPerSecond: perSecond },
        });
      } catch (err) {
        if (err instanceof SeedError || err instanceof PersistError) throw new OradminError(err.message);
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new OradminError(`port ${port} is already in use`);
        throw err;
      }

      io.stdout.write(`export OPENROUTER_API_URL=${sandbox.url}\nexport OPENROUTER_MANAGEMENT_KEY=${sandbox.managementKey}\n`);
      io.stderr.write(
        `oradmin sandbox: listening on ${sandbox.url}` +
          (flags.persist ? `, state in ${flags.persist}` : ', state in memory') +
          '. Paste the two lines above into your shell; Ctrl-C stops.\n',
      );

      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await sandbox.close();
      io.stderr.write(`oradmin sandbox: stopped after ${sandbox.log.length} request(s)\n`);
    });
}

function numberFlag(name: string, text: string, valid: (n: number) => boolean): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !valid(n)) throw new OradminError(`${name}: invalid value "${text}"`);
  return n;
}
