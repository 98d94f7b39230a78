// Plan checks the file a slice of keys at a time (validateFileInSlices) so that it can read the
// organization in between. Whatever the file, its answer must be validate's (validateFile): the same
// configuration, digest, warnings and errors, positions and all.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS_PER_SLICE, SLICED_ABOVE_KEYS, validateFile, validateFileInSlices } from '../../src/config/load.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const casesDir = path.join(import.meta.dirname, 'cases');

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-slices-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A file with `count` keys over three workspaces, some with a guardrail, a limit or an expiry; `edit` changes key i's lines. */
function manyKeys(count: number, edit: (i: number, lines: string[]) => string[] = (_, l) => l): string {
  const head = [
    'version: 1',
    'workspaces:',
    '  - slug: default',
    '  - slug: team-a',
    '    name: Team A',
    '  - slug: team-b',
    '    name: Team B',
    'guardrails:',
    '  - name: capped',
    '    workspace: team-a',
    '    limit_usd: 5',
    'defaults:',
    '  key:',
    '    limit: 10',
    'keys:',
  ];
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const ws = ['default', 'team-a', 'team-b'][i % 3]!;
    let lines = [`  - name: key-${i}`, `    workspace: ${ws}`];
    if (i % 7 === 0) lines.push('    limit: 25', '    limit_reset: monthly');
    if (ws === 'team-a' && i % 5 === 0) lines.push('    guardrail: capped');
    if (i % 11 === 0) lines.push('    expires_at: 2027-06-30T00:00:00Z');
    lines = edit(i, lines);
    keys.push(...lines);
  }
  return `${[...head, ...keys].join('\n')}\n`;
}

/** Asserts that both validations agree on `target`; returns validate's result. */
async function agree(target: string) {
  const whole = await validateFile(target, NOW);
  const sliced = await validateFileInSlices(target, NOW);
  expect(sliced.errors).toEqual(whole.errors);
  expect(sliced.warnings).toEqual(whole.warnings);
  expect(sliced.loaded === undefined).toBe(whole.loaded === undefined);
  if (whole.loaded && sliced.loaded) {
    expect(sliced.loaded.config).toEqual(whole.loaded.config);
    // The same key order in the same objects: plans and digests depend on it.
    expect(JSON.stringify(sliced.loaded.config)).toBe(JSON.stringify(whole.loaded.config));
    expect(sliced.loaded.digest).toBe(whole.loaded.digest);
    expect(sliced.loaded.files).toEqual(whole.loaded.files);
    expect(sliced.loaded.texts).toEqual(whole.loaded.texts);
    expect(sliced.loaded.warnings).toEqual(whole.loaded.warnings);
    expect(sliced.loaded.locate(['keys', 3, 'name'])).toEqual(whole.loaded.locate(['keys', 3, 'name']));
  }
  return whole;
}

describe('validateFileInSlices gives validate\'s answer', () => {
  // Many slices and a short last one; key 600 exists (the expiry case).
  const count = 1_017;
  it('is checked in slices at this size', () => {
    expect(count).toBeGreaterThan(SLICED_ABOVE_KEYS + 4 * KEYS_PER_SLICE);
  });

  it('for a valid file of many keys', async () => {
    const whole = await agree(tempFile('many.yaml', manyKeys(count)));
    expect(whole.loaded?.config.keys).toHaveLength(count);
    expect(whole.errors).toEqual([]);
  });

  it('for a key that breaks the schema in a late slice', async () => {
    const file = tempFile('bad-key.yaml', manyKeys(count, (i, lines) => (i === count - 30 ? [...lines, '    limt: 5'] : lines)));
    const whole = await agree(file);
    expect(whole.loaded).toBeUndefined();
    expect(whole.errors.map((e) => e.message).join('\n')).toMatch(/limt/);
  });

  it('for a mistake outside the keys', async () => {
    const whole = await agree(tempFile('bad-head.yaml', manyKeys(count).replace('version: 1', 'version: 2')));
    expect(whole.errors.length).toBeGreaterThan(0);
  });

  it('for a rule across keys of different slices (one name declared twice)', async () => {
    const file = tempFile('dup.yaml', manyKeys(count, (i, lines) => (i === count - 3 ? ['  - name: key-0', '    workspace: default'] : lines)));
    const whole = await agree(file);
    expect(whole.errors.map((e) => e.message).join('\n')).toMatch(/key-0/);
  });

  it('for a warning (a key that has expired)', async () => {
    const file = tempFile('expired.yaml', manyKeys(count, (i, lines) => (i === 600 ? [...lines, '    expires_at: 2020-01-01T00:00:00Z'] : lines)));
    const whole = await agree(file);
    expect(whole.warnings.length + whole.errors.length).toBeGreaterThan(0);
  });

  it('for a file the fast parser declines (flow style, anchors)', async () => {
    const text = manyKeys(count).replace('  - name: key-1\n', '  - &k1 { name: key-1 }\n  - name: key-1-copy\n');
    await agree(tempFile('declined.yaml', text));
  });

  it('for a directory of files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-slices-dir-'));
    const [head, keys] = manyKeys(count).split('keys:\n') as [string, string];
    writeFileSync(path.join(dir, 'a.yaml'), head);
    writeFileSync(path.join(dir, 'b.yaml'), `keys:\n${keys}`);
    const whole = await agree(dir);
    expect(whole.loaded?.files).toHaveLength(2);
  });

  it('for every invalid case of the validate suite', async () => {
    const names = readdirSync(casesDir).sort();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const dir = path.join(casesDir, name);
      await agree(existsSync(path.join(dir, 'input.yaml')) ? path.join(dir, 'input.yaml') : path.join(dir, 'input'));
    }
  });

  it('for a missing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-slices-missing-'));
    mkdirSync(path.join(dir, 'empty'));
    await agree(path.join(dir, 'nowhere.yaml'));
    await agree(path.join(dir, 'empty'));
  });
});

describe('validateFileInSlices', () => {
  it('lets other work run between its slices', async () => {
    const many = Math.max(KEYS_PER_SLICE * 8, SLICED_ABOVE_KEYS + 1);
    const file = tempFile('many.yaml', manyKeys(many));
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await validateFileInSlices(file, NOW);
    done = true;
    expect(result.loaded?.config.keys).toHaveLength(many);
    // At least one turn of the event loop per slice of keys.
    expect(ticks).toBeGreaterThanOrEqual(8);
  });
});
