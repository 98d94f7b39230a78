// `oradmin mcp`: the MCP server, given the commands' own reads — the plan's (readLiveFor, buildPlan)
// and `status` through runStatus — so that each read tool makes exactly its command's requests.
import { Writable, type Readable } from 'node:stream';
import type { LoadedConfig } from '../config/load.js';
import { ConfigError, OradminError, formatDiagnostic } from '../errors.js';
import { resolveSink } from '../apply/sinks/resolve.js';
import { refusalsOf } from './refusals.js';
import type { Host, Planned } from '../mcp/host.js';
import { serveStdio } from '../mcp/serve.js';
import { buildPlan } from '../resources/registry.js';
import type { StatusReport } from '../status/report.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient, readLiveFor } from './pipeline.js';
import { renderPlan } from './render-plan.js';
import { runStatus } from './run-status.js';
import { activityReport } from './commands/activity.js';

export interface McpCommandOptions {
  readOnly: boolean;
  /** -f was given (status then treats a missing file as a mistake, as the command does). */
  fileGiven: boolean;
}

export async function runMcp(opts: GlobalOptions, io: Io, cmd: McpCommandOptions): Promise<void> {
  // Commands write their warnings to stderr, which is the server's log; tools return them too.
  const host: Host = {
    file: opts.file,
    now: () => new Date(),
    // As planOrganization reads and plans: the file is parsed in this long-lived process once per call.
    plan: async (loaded: LoadedConfig, targets): Promise<Planned> => {
      const client = makeClient(opts, io);
      try {
        const live = await readLiveFor(client, loaded.config);
        const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now: new Date(), options: { targets } });
        if (result.errors.length > 0) throw new ConfigError(result.errors);
        if (result.targetErrors.length > 0) throw new OradminError(result.targetErrors.join('; '));
        // What apply would refuse here, as `plan` says it (cli/refusals.ts).
        const sink = await resolveSink({ file: opts.file, config: loaded.config, env: io.env });
        const refusals = await refusalsOf({ plan: result.plan, config: loaded.config, sink, force: false, env: io.env });
        return {
          loaded,
          live,
          plan: result.plan,
          // What `plan -o json` and `plan -o markdown` print, by the same printers (render-plan.ts).
          document: JSON.parse(renderPlan(result.plan, { ...opts, output: 'json' }, io, refusals)) as unknown,
          markdown: renderPlan(result.plan, { ...opts, output: 'markdown' }, io, refusals),
          warnings: warningsOf(loaded, result.warnings),
        };
      } finally {
        await client.close();
      }
    },
    status: async () => {
      let json = '';
      const stdout = new Writable({
        write(chunk: Buffer | string, _enc, done) {
          json += chunk.toString();
          done();
        },
      });
      await runStatus({ ...opts, output: 'json' }, { ...io, stdout }, { fileGiven: cmd.fileGiven }, new Date());
      return { report: JSON.parse(json) as StatusReport, warnings: [] };
    },
    activity: (options) => activityReport(opts, io, options, new Date()),
  };
  await serveStdio(host, {
    readOnly: cmd.readOnly,
    stdin: io.stdin as Readable,
    stdout: io.stdout as unknown as Writable,
    log: (line) => io.stderr.write(`${line}\n`),
  });
}

function warningsOf(loaded: LoadedConfig, planWarnings: readonly string[]): string[] {
  return [...loaded.warnings.map(formatDiagnostic), ...planWarnings.map((w) => `warning: ${w}`)];
}
