// Hostile input is rejected quickly with a clear error at a position, never a crash or a hang:
// alias bombs ("billion laughs"), pathological nesting, oversized files.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile, validateSources } from '../../src/config/load.js';
import { parseSource } from '../../src/config/source.js';
import type { Diagnostic } from '../../src/errors.js';

const NOW = new Date('2026-11-22T00:00:00Z');

function validateText(text: string) {
  const diags: Diagnostic[] = [];
  return validateSources([parseSource('hostile.yaml', text, diags)], diags, NOW);
}

/** `levels` of anchors, each referring to the previous one `fanout` times. */
function laughs(levels: number, fanout: number, shape: 'seq' | 'map'): string {
  const lines = [`l0: &l0 ${shape === 'seq' ? '["lol"]' : '{ a: lol }'}`];
  for (let i = 1; i <= levels; i++) {
    const refs = Array.from({ length: fanout }, (_, j) => (shape === 'seq' ? `*l${i - 1}` : `k${j}: *l${i - 1}`));
    lines.push(`l${i}: &l${i} ${shape === 'seq' ? `[${refs.join(', ')}]` : `{ ${refs.join(', ')} }`}`);
  }
  return `version: 1\n${lines.join('\n')}\n`;
}

describe('hostile YAML', () => {
  it.each([
    ['sequences, 9 levels × 9', laughs(9, 9, 'seq')],
    ['mappings, 12 levels × 6', laughs(12, 6, 'map')],
    ['wide, 3 levels × 400', laughs(3, 400, 'seq')],
  ])('an alias bomb of %s is refused at its first alias', (_name, text) => {
    const r = validateText(text);
    expect(r.loaded).toBeUndefined();
    expect(r.errors).toEqual([
      {
        severity: 'error',
        file: 'hostile.yaml',
        line: 3,
        col: expect.any(Number),
        message: 'too many YAML alias expansions (more than 100); this looks like an alias bomb — write the values out instead',
      },
    ]);
  });

  it('a handful of anchors for shared lists is fine', () => {
    const r = validateText(
      'version: 1\nguardrails:\n  - { name: a, allowed_providers: &p [openai, anthropic] }\n  - { name: b, allowed_providers: *p }\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.loaded?.config.guardrails?.[1]?.allowed_providers).toEqual(['openai', 'anthropic']);
  });

  it.each([
    ['flow sequences', `a: ${'['.repeat(20000)}${']'.repeat(20000)}`],
    ['flow mappings', `version: 1\nkeys: ${'{a: '.repeat(20000)}1${'}'.repeat(20000)}`],
    ['block sequences', `a:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x`],
  ])('pathological nesting of %s is an error, not a crash', (_name, text) => {
    const r = validateText(text);
    expect(r.loaded).toBeUndefined();
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.col).toBeGreaterThanOrEqual(1);
    }
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/nested too deeply|YAML syntax error/);
  });

  it('a 50 MB file is refused from its size, before it is read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-huge-'));
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `version: 1\nkeys:\n${'  - { name: k }\n'.repeat(3_280_000)}`);
    const r = await validateFile(file, NOW);
    expect(r.errors).toEqual([{ severity: 'error', file, line: 1, col: 1, message: 'file is 50.0 MB; the limit is 8 MB' }]);
  });
});
