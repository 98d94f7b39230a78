import { access } from 'node:fs/promises';
import { GetCreditsResponse } from '../api/schemas.js';
import { loadConfig } from '../config/load.js';
import { buildPlan } from '../core/plan.js';
import { ConfigError, formatDiagnostic } from '../errors.js';
import { buildStatus } from '../status/report.js';
import { renderStatusJson, renderStatusMarkdown, renderStatusText } from '../status/render.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient, readLiveFor } from './pipeline.js';

export async function runStatus(opts: GlobalOptions, io: Io, now: Date): Promise<number> {
  // The file is optional here: without it there is simply no "unmanaged" section.
  const fileExists = await access(opts.file).then(
    () => true,
    () => false,
  );
  const loaded = fileExists ? await loadConfig(opts.file, now) : undefined;
  for (const w of loaded?.warnings ?? []) io.stderr.write(`${formatDiagnostic(w)}\n`);
  const client = makeClient(opts, io);
  try {
    const [live, credits] = await Promise.all([
      readLiveFor(client, loaded?.config),
      client.request({ operation: 'getCredits', method: 'GET', path: '/credits', responseSchema: GetCreditsResponse }),
    ]);
    let unmanaged = null;
    if (loaded) {
      const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now });
      if (result.errors.length > 0) throw new ConfigError(result.errors);
      unmanaged = result.plan.unmanaged;
    }
    const report = buildStatus({ live, credits: credits.data, now, unmanaged });
    io.stdout.write(
      opts.output === 'json' ? renderStatusJson(report) : opts.output === 'markdown' ? renderStatusMarkdown(report) : renderStatusText(report, { color: opts.color }),
    );
    return 0;
  } finally {
    await client.close();
  }
}
