// Loading the desired state: read and parse the file(s), merge, validate the schema, then check
// the rules and the policy — collecting every finding before failing.
import { createHash } from 'node:crypto';
import { ConfigError, sortDiagnostics, type Diagnostic } from '../errors.js';
import { readSources, type SourceDoc } from './source.js';
import type { ReadTexts } from './read-files.js';
import { mergeSources, type Locate } from './merge.js';
import { fileSchema, KeyDeclSchema, type FileConfig, type KeyDecl } from './schema.js';
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
  return checkParsed(docs, merged, parsed.data, errors, warnings, now);
}

/** What follows a successful schema check: the rules, the policy, and the loaded file when nothing failed. */
function checkParsed(
  docs: SourceDoc[],
  merged: ReturnType<typeof mergeSources>,
  config: FileConfig,
  errors: Diagnostic[],
  warnings: Diagnostic[],
  now: Date,
): ValidationResult {
  for (const f of [...checkRules(config, merged.locate, now), ...checkPolicy(config, now)]) {
    const pos = merged.locate(f.path, { key: f.atKey });
    (f.severity === 'warning' ? warnings : errors).push({ severity: f.severity ?? 'error', ...pos, message: f.message });
  }
  const digest = createHash('sha256');
  for (const d of docs) digest.update(d.file).update('\0').update(d.text).update('\0');
  const loaded: LoadedConfig = {
    config,
    locate: merged.locate,
    files: docs.map((d) => d.file),
    digest: `sha256:${digest.digest('hex')}`,
    warnings,
    texts: docs.map((d) => d.text),
  };
  return errors.length > 0 ? sorted(errors, warnings) : { ...sorted(errors, warnings), loaded };
}

/**
 * Keys checked between two yields of validateFileInSlices: a millisecond or two of work, for the
 * same reason as the fast parser's slices (load-for-plan.ts); 250 keys held the reads ~10 ms.
 */
export const KEYS_PER_SLICE = 50;
/** Files of more keys than this are checked in slices; fewer are checked whole (nothing to gain). */
export const SLICED_ABOVE_KEYS = 250;

/**
 * validateFile for plan, which reads the organization at the same time (load-for-plan.ts): the
 * keys, most of a large file, are checked a slice at a time with a yield to pending I/O between
 * slices, so that the answers that arrive meanwhile are read and the next requests sent instead of
 * waiting for the whole file (10,000 keys: ~0.1 s of schema checks). The result is validateSources':
 * the file's schema has no check across keys, so checking the rest of the file with no keys and
 * then each key is the same check; and a file with any problem is checked again whole, so that its
 * report is exactly what `validate` prints.
 */
export async function validateFileInSlices(target: string, now: Date, preread?: Promise<ReadTexts>): Promise<ValidationResult> {
  const { docs, diagnostics } = await readSources(target, preread);
  const whole = () => validateSources(docs, diagnostics, now);
  // A file of few keys is checked whole at once: nothing to gain, and no scan or merge done twice.
  const declared = docs.reduce((n, d) => n + keysIn(d.data), 0);
  if (declared <= SLICED_ABOVE_KEYS) return whole();
  const errors: Diagnostic[] = [...diagnostics, ...scanForSecrets(docs)];
  if (errors.length > 0) return whole();
  const merged = mergeSources(docs, errors);
  const data = merged.data;
  const keys = data?.keys;
  if (errors.length > 0 || !Array.isArray(keys) || keys.length <= SLICED_ABOVE_KEYS) return whole();
  const rest = fileSchema.safeParse({ ...data, keys: [] });
  if (!rest.success) return whole();
  const checked: KeyDecl[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_SLICE) {
    await yieldToIo();
    for (const k of keys.slice(i, i + KEYS_PER_SLICE)) {
      const key = KeyDeclSchema.safeParse(k);
      if (!key.success) return whole();
      checked.push(key.data);
    }
  }
  await yieldToIo();
  // No warnings yet: the schema check has none, and validateSources starts checkParsed with none too.
  return checkParsed(docs, merged, { ...rest.data, keys: checked }, errors, [], now);
}

/** As loadConfig, validating with validateFileInSlices. */
export async function loadConfigInSlices(target: string, now: Date, preread?: Promise<ReadTexts>): Promise<LoadedConfig> {
  const result = await validateFileInSlices(target, now, preread);
  if (!result.loaded) throw new ConfigError(result.errors, result.warnings);
  return result.loaded;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many keys one parsed file lists (0 when it is not a mapping with a list of keys). */
function keysIn(data: unknown): number {
  const keys = data !== null && typeof data === 'object' ? (data as { keys?: unknown }).keys : undefined;
  return Array.isArray(keys) ? keys.length : 0;
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
