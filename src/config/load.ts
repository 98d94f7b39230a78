// Loading the desired state: read and parse the file(s), merge, validate the schema, then check
// the rules and the policy — collecting every finding before failing.
import { createHash } from 'node:crypto';
import { ConfigError, sortDiagnostics, type Diagnostic } from '../errors.js';
import { readSources, type SourceDoc } from './source.js';
import type { ReadTexts } from './read-files.js';
import { mergeSources, type Locate } from './merge.js';
import { fileSchema, type FileConfig } from './schema.js';
import { findingsFromIssues, type Finding } from './zod-messages.js';
import { checkRules } from './rules.js';
import { checkPolicy } from './policy.js';
import { scanForSecrets } from './secret-scan.js';
import { salvage } from './salvage.js';

export interface LoadedConfig {
  config: FileConfig;
  locate: Locate;
  files: string[];
  /** sha256 over the files' contents, to tell a saved plan that its file changed. */
  digest: string;
  warnings: Diagnostic[];
  /** The files' contents, in the order of `files`. */
  texts: string[];
}

export interface ValidationResult {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  loaded?: LoadedConfig;
}

/** Everything `validate` reports. Never throws for user mistakes. */
export async function validateFile(target: string, now: Date, preread?: Promise<ReadTexts>): Promise<ValidationResult> {
  const { docs, diagnostics } = await readSources(target, preread);
  return validateSources(docs, diagnostics, now);
}

export function validateSources(docs: SourceDoc[], readDiagnostics: Diagnostic[], now: Date): ValidationResult {
  const errors: Diagnostic[] = [...readDiagnostics, ...scanForSecrets(docs)];
  const warnings: Diagnostic[] = [];
  // Syntax errors make positions of everything else unreliable: report them alone.
  if (errors.length > 0) return sorted(errors, warnings);
  const merged = mergeSources(docs, errors);
  const add = (findings: Finding[]) => {
    for (const f of findings) {
      const pos = merged.locate(f.path, { key: f.atKey });
      (f.severity === 'warning' ? warnings : errors).push({ severity: f.severity ?? 'error', ...pos, message: f.message });
    }
  };
  const parsed = fileSchema.safeParse(merged.data ?? {});
  if (!parsed.success) {
    add(findingsFromIssues(parsed.error.issues, merged.data, fileSchema));
    // Every mistake at once: the rules and the policy still check what did parse (salvage.ts).
    const rest = salvage(merged.data ?? {}, fileSchema);
    if (rest) {
      const locate: Locate = (path, opts) => merged.locate(rest.toOriginal(path), opts);
      const translate = (findings: Finding[]) =>
        findings
          .map((f) => ({ ...f, path: rest.toOriginal(f.path), concerns: f.concerns && rest.toOriginal(f.concerns) }))
          .filter((f) => !rest.dropped(f.concerns ?? f.path));
      add(translate(checkRules(rest.value, locate, now)));
      add(translate(checkPolicy(rest.value, now)));
    }
    return sorted(errors, warnings);
  }
  add(checkRules(parsed.data, merged.locate, now));
  add(checkPolicy(parsed.data, now));
  const digest = createHash('sha256');
  for (const d of docs) digest.update(d.file).update('\0').update(d.text).update('\0');
  const loaded: LoadedConfig = {
    config: parsed.data,
    locate: merged.locate,
    files: docs.map((d) => d.file),
    digest: `sha256:${digest.digest('hex')}`,
    warnings,
    texts: docs.map((d) => d.text),
  };
  return errors.length > 0 ? sorted(errors, warnings) : { ...sorted(errors, warnings), loaded };
}

/**
 * For plan, apply and status: the validated file, or a ConfigError carrying every problem. `preread`:
 * the files as plan read them before its modules were loaded (cli/early-reads.ts).
 */
export async function loadConfig(target: string, now: Date, preread?: Promise<ReadTexts>): Promise<LoadedConfig> {
  const result = await validateFile(target, now, preread);
  if (!result.loaded) throw new ConfigError(result.errors, result.warnings);
  return result.loaded;
}

function sorted(errors: Diagnostic[], warnings: Diagnostic[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return { errors: sortDiagnostics(errors), warnings: sortDiagnostics(warnings) };
}
