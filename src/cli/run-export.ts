import { writeFile } from 'node:fs/promises';
import { exportOrganization } from '../export/export.js';
import { OradminError } from '../errors.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient, readLiveFor } from './pipeline.js';

export async function runExport(opts: GlobalOptions, io: Io, cmd: { out?: string; workspace?: string[] }, now: Date): Promise<number> {
  const client = makeClient(opts, io);
  let live;
  try {
    live = await readLiveFor(client, undefined);
  } finally {
    await client.close();
  }
  const unknown = (cmd.workspace ?? []).filter((s) => !live.workspaces.some((w) => w.slug === s));
  if (unknown.length > 0) {
    throw new OradminError(`--workspace ${unknown.join(', ')}: no such workspace (existing: ${live.workspaces.map((w) => w.slug).join(', ')})`);
  }
  const result = exportOrganization(live, { now, ...(cmd.workspace ? { workspaces: cmd.workspace } : {}) });
  for (const p of result.problems) io.stderr.write(`warning: ${p}\n`);
  if (cmd.out) {
    try {
      // 'wx': never overwrite a file someone may have edited since the last export.
      await writeFile(cmd.out, result.yaml, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new OradminError(`${cmd.out} already exists; export writes only new files (remove it, or choose another path)`);
      }
      throw err;
    }
    const c = result.counts;
    io.stderr.write(`Wrote ${cmd.out}: ${c.workspaces} workspaces, ${c.guardrails} guardrails, ${c.keys} keys. Next: oradmin plan -f ${cmd.out}\n`);
  } else {
    io.stdout.write(result.yaml);
  }
  return 0;
}
