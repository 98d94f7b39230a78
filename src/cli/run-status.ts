// `oradmin status`: read the organization and its credits, compare with the desired-state file when
// there is one, print the report. Read-only: it never writes to the API.
import { stat } from 'node:fs/promises';
import { ActivityResponse, GetCreditsResponse } from '../api/schemas.js';
import { loadConfig } from '../config/load.js';
import { buildPlan } from '../resources/registry.js';
import { ConfigError, OradminError, formatDiagnostic } from '../errors.js';
import { buildStatus } from '../status/report.js';
import { renderStatusJson, renderStatusMarkdown, renderStatusText } from '../status/render.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient, readLiveFor } from './pipeline.js';
import { terminalText } from '../untrusted.js';

export interface StatusCommandOptions {
  /** -f was given: a missing file is then a mistake, not "no file to compare with". */
  fileGiven: boolean;
}

export async function runStatus(opts: GlobalOptions, io: Io, cmd: StatusCommandOptions, now: Date): Promise<number> {
  const exists = await stat(opts.file).then(
    () => true,
    () => false,
  );
  if (!exists && cmd.fileGiven) {
    throw new OradminError(`-f ${opts.file}: no such file or directory (leave -f out to skip the comparison with a desired-state file)`);
  }
  // An invalid file is an error, as for plan: a comparison with a misread file would mislead.
  const loaded = exists ? await loadConfig(opts.file, now) : undefined;
  for (const w of loaded?.warnings ?? []) io.stderr.write(`${formatDiagnostic(w)}\n`);
  const client = makeClient(opts, io);
  try {
    const [live, credits, activity] = await Promise.all([
      readLiveFor(client, loaded?.config),
      client.request({ operation: 'getCredits', method: 'GET', path: '/credits', responseSchema: GetCreditsResponse }),
      // The forecasts' one extra request. Without it status still reports everything else: the
      // forecasts that need it say why they are missing.
      client
        .request({ operation: 'getUserActivity', method: 'GET', path: '/activity', query: { group_by: 'workspace' }, responseSchema: ActivityResponse })
        .then(
          (r) => ({ items: r.data }),
          (err: unknown) => {
            if (!(err instanceof OradminError)) throw err;
            return { error: err.message };
          },
        ),
    ]);
    // Only once the rest was read: when another read fails, its error is the one to show.
    if ('error' in activity) io.stderr.write(`warning: no activity for the forecasts: ${terminalText(activity.error)}\n`);
    let unmanaged;
    if (loaded) {
      const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now });
      if (result.errors.length > 0) throw new ConfigError(result.errors);
      unmanaged = result.plan.unmanaged;
    }
    const report = buildStatus({ live, credits: credits.data, now, file: { path: opts.file, ...(unmanaged ? { unmanaged } : {}) }, activity, ...(loaded ? { config: loaded.config } : {}) });
    io.stdout.write(
      opts.output === 'json'
        ? renderStatusJson(report)
        : opts.output === 'markdown'
          ? renderStatusMarkdown(report)
          : renderStatusText(report, { color: opts.color }),
    );
    return 0;
  } finally {
    await client.close();
  }
}
