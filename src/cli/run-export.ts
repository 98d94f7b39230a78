// `oradmin export`: read the whole organization, write it as a desired-state file. The file goes to
// stdout (so it can be redirected) or to a new file with --out; what could not be exported, and
// why, goes to stderr.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMA_URL } from '../export/export-yaml.js';
import { SCHEMA_FILE } from '../init/starter.js';
import { readLiveState } from '../api/live-state.js';
import { formatDiagnostic, OradminError } from '../errors.js';
import { exportOrganization } from '../export/export.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient } from './pipeline.js';
import { readingProgress } from './read-progress.js';
import { terminalText } from '../untrusted.js';

export interface ExportCommandOptions {
  out?: string;
  workspace?: string[];
}

export async function runExport(opts: GlobalOptions, io: Io, cmd: ExportCommandOptions, now: Date): Promise<number> {
  const client = makeClient(opts, io);
  let live;
  try {
    // Every default guardrail, materialized or not, and the model catalog: the file must name only
    // models that plan will accept (export/inexpressible.ts).
    const stop = opts.verbose ? () => undefined : readingProgress(io, client);
    try {
      live = await readLiveState(client, { defaultGuardrailsFor: 'all', models: true });
    } finally {
      stop();
    }
  } finally {
    await client.close();
  }
  const slugs = live.workspaces.map((w) => w.slug);
  const unknown = (cmd.workspace ?? []).filter((s) => !slugs.includes(s));
  if (unknown.length > 0) {
    throw new OradminError(`--workspace ${unknown.join(', ')}: no such workspace (the organization has: ${slugs.join(', ')})`);
  }
  // The schema comment must resolve in the user's repository: the copy beside the file when there
  // is one (oradmin init writes it), else the published schema of this version.
  const local = path.join(path.dirname(path.resolve(cmd.out ?? 'openrouter.admin.yaml')), SCHEMA_FILE);
  const result = exportOrganization(live, {
    now,
    schemaPath: existsSync(local) ? `./${SCHEMA_FILE}` : SCHEMA_URL,
    ...(cmd.workspace ? { workspaces: [...new Set(cmd.workspace)] } : {}),
    ...(cmd.out ? { file: cmd.out } : {}),
  });

  for (const o of result.leftOut) io.stderr.write(`warning: ${terminalText(o.address)}: left out of the file: ${terminalText(o.message)}\n`);
  for (const n of result.notes) io.stderr.write(`warning: ${terminalText(n.address)}: ${terminalText(n.message)}\n`);
  if (result.leftOut.length > 0) {
    const n = result.leftOut.length;
    io.stderr.write(`${n} live object${n === 1 ? ' was' : 's were'} left out; with unmanaged: report, plan lists ${n === 1 ? 'it' : 'them'} as unmanaged and apply leaves ${n === 1 ? 'it' : 'them'} alone.\n`);
  }

  if (cmd.out) {
    await writeNewFile(cmd.out, result.yaml);
    const c = result.counts;
    io.stderr.write(
      `Wrote ${cmd.out}: ${plural(c.workspaces, 'workspace')}, ${plural(c.guardrails, 'guardrail')}, ${plural(c.keys, 'key')}. ` +
        `Next: oradmin plan -f ${cmd.out}\n`,
    );
  } else {
    io.stdout.write(result.yaml);
  }
  if (result.invalid.length > 0) {
    // Written anyway, so that the positions below can be looked at.
    for (const d of result.invalid) io.stderr.write(`${formatDiagnostic(d)}\n`);
    throw new OradminError(
      'the exported file does not pass validate (above): the organization holds a value export did not expect. ' +
        'Edit those lines by hand, and please report this as an oradmin bug.',
    );
  }
  return 0;
}

/** Never overwrites: the file may be an edited, committed desired state that an export would silently replace. */
async function writeNewFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new OradminError(`${path} already exists; export never overwrites a file (move it away, or choose another --out path)`);
    }
    throw new OradminError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
