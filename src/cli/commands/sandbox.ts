import type { Command } from 'commander';
import type { Io } from '../context.js';
import { OradminError } from '../../errors.js';

export function registerSandbox(program: Command, io: Io): void {
  program
    .command('sandbox')
    .description('run a local OpenRouter management API (in memory) to rehearse against')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--seed <file>', 'YAML or JSON file with the initial organization')
    .option('--latency <ms>', 'added latency per request', '0')
    .option('--fault-rate <p>', 'probability of an injected 429/5xx/connection reset per request', '0')
    .option('--management-key <key>', 'the management key to accept (generated when omitted)')
    .action(async () => {
      void io;
      throw new OradminError('sandbox is not implemented yet');
    });
}
