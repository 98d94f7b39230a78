// `oradmin import <address>`: bring one live object into the file — the single-object cousin of
// export. The object is written as export would write it (so plan is empty for it), appended to the
// file that `DesiredStateEdit.fileForNew` picks; everything else in the file stays byte for byte.
// The edited file must pass validate, or nothing is written. Bindings and memberships go into the
// object that holds them (a key's guardrail:, a list's members:, a workspace's budgets:).
import { readFile } from 'node:fs/promises';
import { readLiveState } from '../api/live-state.js';
import { validateSources } from '../config/load.js';
import { parseSource, readSources } from '../config/source.js';
import { parseAddress, type ParsedAddress } from '../edit/address.js';
import { DesiredStateEdit, declaredText, type Declared } from '../edit/desired-state-edit.js';
import { unifiedDiff } from '../edit/unified-diff.js';
import { writeFilesAtomically } from '../edit/write-files.js';
import { ConfigError, OradminError, type Diagnostic } from '../errors.js';
import { exportOrganization } from '../export/export.js';
import type { Entry } from '../export/file-entries.js';
import { terminalText } from '../untrusted.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient } from './pipeline.js';

export async function runImport(opts: GlobalOptions, io: Io, addressText: string, now: Date): Promise<number> {
  const parsed = parseAddress(addressText);
  if ('error' in parsed) throw new OradminError(parsed.error);

  const read = await readSources(opts.file);
  if (read.diagnostics.length > 0) throw new ConfigError(read.diagnostics);
  const bytes = await Promise.all(read.docs.map((d) => readFile(d.file)));
  const files = read.docs.map((d, i) => ({ file: d.file, text: bytes[i]!.toString('utf8') }));

  const client = makeClient(opts, io);
  let live;
  try {
    // What export reads: every default guardrail, and the model catalog (models are written by slug).
    live = await readLiveState(client, { defaultGuardrailsFor: 'all', models: true });
  } finally {
    await client.close();
  }
  const exported = exportOrganization(live, { now });
  const leftOut = exported.leftOut.find((o) => o.address === addressText);
  if (leftOut) throw new OradminError(`${addressText} cannot be written into the file: ${leftOut.message}`);

  const editor = new DesiredStateEdit(files);
  const note = importInto(editor, exported.body, parsed, addressText);

  const changes = editor.changes();
  if (changes.length === 0) {
    io.stderr.write(`${terminalText(addressText)} is already in ${terminalText(opts.file)} as it is live: nothing to import.\n`);
    return 0;
  }
  const diagnostics: Diagnostic[] = [];
  const proposed = files.map((f) => parseSource(f.file, editor.text(f.file).text, diagnostics));
  const validation = validateSources(proposed, diagnostics, now);
  if (!validation.loaded) {
    io.stderr.write(`Not imported: with ${terminalText(addressText)} the file would not validate (positions are those of the edited text):\n`);
    throw new ConfigError(validation.errors, validation.warnings);
  }
  await writeFilesAtomically(changes.map((c) => ({ file: c.file, expected: bytes[files.findIndex((f) => f.file === c.file)]!, text: c.after })));
  for (const c of changes) io.stdout.write(unifiedDiff(c.before, c.after, { oldLabel: `a/${c.file}`, newLabel: `b/${c.file}` }));
  io.stderr.write(`${terminalText(note)}. Next: oradmin plan (it is empty for ${terminalText(addressText)}).\n`);
  return 0;
}

/** Makes the edit for one address from the exported body; returns what was done. */
function importInto(editor: DesiredStateEdit, body: Entry, a: ParsedAddress, address: string): string {
  const list = (section: 'workspaces' | 'guardrails' | 'keys') => (body[section] as Entry[] | undefined) ?? [];
  const inWs = (e: Entry, ws: string) => ((e.workspace as string | undefined) ?? 'default') === ws;
  const notLive = () => new OradminError(`${address} does not exist in the organization (export writes nothing for it)`);
  const declareNew = (target: Declared, entry: Entry | undefined) => {
    if (!entry) throw notLive();
    const at = editor.find(target);
    if (at) throw new OradminError(`${declaredText(target)} is already declared (${at.file}); import only adds what the file does not declare — edit it there`);
    const { name: _n, slug: _s, workspace: _w, ...fields } = entry;
    return `imported ${address} into ${editor.declare(target, fields)}`;
  };
  const owner = (target: Declared) => {
    if (!editor.find(target)) throw new OradminError(`${declaredText(target)} is not declared; import it first (oradmin import ${target.kind}.${target.workspace}${'name' in target ? `/${target.name}` : ''}), which brings ${address} along`);
    return target;
  };
  switch (a.kind) {
    case 'workspace':
      return declareNew({ kind: 'workspace', workspace: a.workspace }, list('workspaces').find((w) => w.slug === a.workspace));
    case 'guardrail':
      return declareNew({ kind: 'guardrail', workspace: a.workspace, name: a.name }, list('guardrails').find((g) => g.name === a.name && inWs(g, a.workspace)));
    case 'key':
      return declareNew({ kind: 'key', workspace: a.workspace, name: a.name }, list('keys').find((k) => k.name === a.name && inWs(k, a.workspace)));
    case 'key_guardrail': {
      const key = list('keys').find((k) => k.name === a.name && inWs(k, a.workspace));
      if (!key || typeof key.guardrail !== 'string') throw notLive();
      editor.setField(owner({ kind: 'key', workspace: a.workspace, name: a.name }), 'guardrail', key.guardrail);
      return `set the guardrail of key ${a.name} to ${key.guardrail}`;
    }
    case 'guardrail_member': {
      const g = list('guardrails').find((x) => x.name === a.name && inWs(x, a.workspace));
      if (!g || !((g.members as string[] | undefined) ?? []).includes(a.member)) throw notLive();
      editor.addToList(owner({ kind: 'guardrail', workspace: a.workspace, name: a.name }), 'members', a.member);
      return `added ${a.member} to the members of guardrail ${a.name}`;
    }
    case 'workspace_member': {
      const w = list('workspaces').find((x) => x.slug === a.workspace);
      if (!w || !((w.members as string[] | undefined) ?? []).includes(a.member)) throw notLive();
      editor.addToList(owner({ kind: 'workspace', workspace: a.workspace }), 'members', a.member);
      return `added ${a.member} to the members of workspace ${a.workspace}`;
    }
    case 'workspace_budget': {
      const w = list('workspaces').find((x) => x.slug === a.workspace);
      const limit = (w?.budgets as Record<string, number> | undefined)?.[a.interval];
      if (limit === undefined) throw notLive();
      editor.setField(owner({ kind: 'workspace', workspace: a.workspace }), ['budgets', a.interval], limit);
      return `set the ${a.interval} budget of workspace ${a.workspace} to ${limit}`;
    }
    case 'workspace_default_guardrail': {
      const w = list('workspaces').find((x) => x.slug === a.workspace);
      if (!w?.default_guardrail) throw notLive();
      editor.setField(owner({ kind: 'workspace', workspace: a.workspace }), 'default_guardrail', w.default_guardrail);
      return `set the default guardrail of workspace ${a.workspace}`;
    }
  }
}
