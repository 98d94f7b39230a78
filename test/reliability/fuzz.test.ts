// Fuzzing the loader and validator: 10,000 generated inputs — random text, mutated real files and
// random structures — yield only our typed result (diagnostics with a file, a line, a column and a
// message), never an exception.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateSources, type ValidationResult } from '../../src/config/load.js';
import { parseSource } from '../../src/config/source.js';
import type { Diagnostic } from '../../src/errors.js';
import { REPO } from '../helpers/cli.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const examples = ['openrouter.admin.yaml', ...readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`)].map(
  (f) => readFileSync(path.join(REPO, f), 'utf8'),
);

function check(text: string): ValidationResult {
  const diags: Diagnostic[] = [];
  const result = validateSources([parseSource('fuzz.yaml', text, diags)], diags, NOW);
  for (const d of [...result.errors, ...result.warnings]) {
    expect(d.file).toBe('fuzz.yaml');
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.col) && d.col >= 1).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(result.loaded !== undefined).toBe(result.errors.length === 0);
  return result;
}

// Fragments that steer random text toward the format's own vocabulary.
const VOCAB = ['version: 1', 'keys:', '  - name: ', 'guardrails:', 'workspaces:', '  - slug: ', 'limit: ', 'budgets: {', 'members: [', 'expires_at: ', '&a ', '*a', '<<: ', '? ', '- ', ': ', '{', '}', '[', ']', '"', "'", '#', '\n', '  ', '\t', '|', '>', '!!str ', '---', '...', 'sk-or-v1-', 'null', '~', '1e999', '-0', '0x1F'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...VOCAB)) }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swaplines' as const), at: fc.nat() }),
);

function mutate(text: string, edits: { kind: string; at: number; len?: number; text?: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + (e.len ?? 1));
    else if (e.kind === 'insert') t = t.slice(0, at) + (e.text ?? '') + t.slice(at);
    else {
      const lines = t.split('\n');
      const i = e.at % lines.length;
      if (e.kind === 'dupline') lines.splice(i, 0, lines[i]!);
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      t = lines.join('\n');
    }
  }
  return t;
}

const FIELD_NAMES = ['name', 'slug', 'workspace', 'limit', 'limit_reset', 'guardrail', 'members', 'budgets', 'expires_at', 'disabled', 'allowed_models', 'enforce_zdr', 'monthly', 'daily', 'limt'];
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, '', 'default', 'daily', '2027-06-30T00:00:00Z', 'openai/gpt-4o'),
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('value'), { maxKeys: 5 }),
  ),
})).value;
const configLike = fc.record(
  {
    version: fc.oneof(fc.constant(1), anyValue),
    keys: fc.array(fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue, { maxKeys: 6 }), { maxLength: 4 }),
    guardrails: fc.array(fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue, { maxKeys: 6 }), { maxLength: 3 }),
    workspaces: fc.array(fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue, { maxKeys: 6 }), { maxLength: 3 }),
    policy: anyValue,
  },
  { requiredKeys: [] },
);

describe('fuzzing the loader and validator (10,000 inputs)', () => {
  it('random text, biased toward YAML and the file vocabulary (4,000)', () => {
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.constantFrom(...VOCAB, 'x', '1', 'a: b'), { maxLength: 60 }).map((parts) => parts.join('')));
    fc.assert(fc.property(text, (t) => void check(t)), { numRuns: 4000, seed: 1 });
  });

  it('the shipped examples with random edits (3,000)', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, edits) => {
        if (check(mutate(file, edits)).loaded) valid++;
      }),
      { numRuns: 3000, seed: 2 },
    );
    // Some edits keep a file valid (a comment, a space): the property saw both outcomes.
    expect(valid).toBeGreaterThan(0);
  });

  it('random structures written as YAML (3,000)', () => {
    fc.assert(fc.property(configLike, (c) => void check(stringify(c))), { numRuns: 3000, seed: 3 });
  });
});
