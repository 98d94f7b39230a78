// What every propose tool does around its edit: read the desired-state file(s) as bytes, make the
// edit in place (edit/), validate the result with the whole validate pipeline (schema, rules,
// policy, secret scan), plan it against the organization when a credential is there, and only if
// all of that holds write it atomically — refusing when a file changed meanwhile. The result is the
// unified diff and the plan. It never sends anything to the organization: apply is a human's step.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { validateSources } from '../config/load.js';
import { parseSource, readSources } from '../config/source.js';
import { DesiredStateEdit } from '../edit/desired-state-edit.js';
import { unifiedDiff } from '../edit/unified-diff.js';
import { writeFilesAtomically } from '../edit/write-files.js';
import { ConfigError, formatDiagnostic, type Diagnostic } from '../errors.js';
import { terminalText } from '../untrusted.js';
import type { Host, Planned } from './host.js';
import { diagnosticJson, diagnosticLines, failure, ok } from './results.js';

/** Makes the edit and says, in a line or two each, what it did (e.g. which file a new key went to). */
export type EditFn = (edit: DesiredStateEdit) => string[];

export class Proposer {
  // One proposal at a time: two concurrent edits of one file would each start from the old bytes.
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: Host) {}

  /** Failures reject, as any tool's do (tool.ts reports them); the next proposal waits either way. */
  propose(edit: EditFn): Promise<CallToolResult> {
    const next = this.last.then(() => this.run(edit));
    this.last = next.catch(() => undefined);
    return next;
  }

  private async run(edit: EditFn): Promise<CallToolResult> {
    const { host } = this;
    const now = host.now();
    const read = await readSources(host.file);
    if (read.diagnostics.length > 0) {
      return failure(
        `Cannot edit ${terminalText(host.file)} until it reads as YAML:\n${diagnosticLines(read.diagnostics)}` +
          (read.docs.length === 0 ? `\nTo start from the live organization: oradmin export --out ${terminalText(host.file)}` : ''),
        { written: false, errors: read.diagnostics.map(diagnosticJson) },
      );
    }
    // Bytes, not the text the loader decoded: the write is refused unless they are still these.
    const bytes = await Promise.all(read.docs.map((d) => readFile(d.file)));
    const files = read.docs.map((d, i) => ({ file: d.file, text: bytes[i]!.toString('utf8') }));
    const editor = new DesiredStateEdit(files);
    const notes = edit(editor);
    const changes = editor.changes();
    if (changes.length === 0) {
      return ok({ written: false, changed: false, notes: [...notes, 'The file already says this: nothing to change.'] });
    }
    // git's a/ and b/ for paths relative to where the server runs; an absolute path names itself.
    const label = (file: string, side: 'a' | 'b') => (path.isAbsolute(file) ? file : `${side}/${file}`);
    const diff = changes.map((c) => unifiedDiff(c.before, c.after, { oldLabel: label(c.file, 'a'), newLabel: label(c.file, 'b') })).join('');
    const shownDiff = diff
      .split('\n')
      .map((l) => terminalText(l))
      .join('\n');

    const diagnostics: Diagnostic[] = [];
    const proposed = files.map((f) => parseSource(f.file, editor.text(f.file).text, diagnostics));
    const validation = validateSources(proposed, diagnostics, now);
    if (!validation.loaded) {
      const before = validateSources(read.docs, [], now).errors.length;
      return rejected(validation.errors, validation.warnings, diff, before);
    }

    let planned: Planned | undefined;
    let planUnavailable: string | undefined;
    try {
      planned = await host.plan(validation.loaded, []);
    } catch (err) {
      // Checks against the live organization (unknown member e-mails, two live keys of one name)
      // are the plan's: an edit that fails them is not written either.
      if (err instanceof ConfigError) return rejected(err.diagnostics, err.warnings, diff, 0);
      // Offline, or the API is down: the edit stands on its validation; say why there is no plan.
      planUnavailable = terminalText(err instanceof Error ? err.message : String(err));
    }

    await writeFilesAtomically(changes.map((c) => ({ file: c.file, expected: bytes[files.findIndex((f) => f.file === c.file)]!, text: c.after })));
    const markdown = planned?.markdown ?? '';
    const warnings = planned?.warnings ?? validation.warnings.map(formatDiagnostic);
    return ok(
      {
        written: true,
        files: changes.map((c) => c.file),
        notes,
        diff,
        plan: planned?.document ?? null,
        ...(planUnavailable ? { plan_unavailable: `No plan: ${planUnavailable}` } : {}),
        markdown,
        warnings,
        next: `Review the diff and the plan; to put it into effect a person runs \`oradmin apply\` (usually after merging the change).`,
      },
      [shownDiff, markdown],
      ['diff', 'markdown'],
    );
  }
}

function rejected(errors: readonly Diagnostic[], warnings: readonly Diagnostic[], diff: string, alreadyInvalid: number): CallToolResult {
  const n = errors.length;
  return failure(
    `Not written: with this edit the desired state would have ${n} error${n === 1 ? '' : 's'} ` +
      `(lines are those of the edited text, shown in proposed_diff):\n${diagnosticLines(errors, warnings)}` +
      (alreadyInvalid > 0
        ? `\nThe file already had ${alreadyInvalid} error${alreadyInvalid === 1 ? '' : 's'} before this edit; fix ${alreadyInvalid === 1 ? 'it' : 'them'} first (the validate tool lists them).`
        : ''),
    { written: false, errors: errors.map(diagnosticJson), warnings: warnings.map(diagnosticJson), proposed_diff: diff },
  );
}
