// The unified diff is the one `patch` applies: checked by applying it to the old text with the
// system's patch(1), over random texts, and against a hand-written expectation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/edit/unified-diff.js';

function applyWithPatch(before: string, diff: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-diff-'));
  const file = path.join(dir, 'f.yaml');
  writeFileSync(file, before);
  const r = spawnSync('patch', ['--quiet', '--force', file], { input: diff, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`patch failed: ${r.stdout}${r.stderr}\n${diff}`);
  return readFileSync(file, 'utf8');
}

describe('unifiedDiff', () => {
  it('writes hunks with three lines of context, as diff -u does', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].join('\n') + '\n';
    const after = before.replace('b\n', 'B\n').replace('l\n', 'l\nl2\n');
    expect(unifiedDiff(before, after, { oldLabel: 'a/f', newLabel: 'b/f' })).toBe(
      ['--- a/f', '+++ b/f', '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e', '@@ -10,4 +10,5 @@', ' j', ' k', ' l', '+l2', ' m', ''].join('\n'),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-diff-'));
    writeFileSync(path.join(dir, 'old'), before);
    writeFileSync(path.join(dir, 'new'), after);
    const gnu = spawnSync('diff', ['-u', '--label', 'a/f', '--label', 'b/f', path.join(dir, 'old'), path.join(dir, 'new')], { encoding: 'utf8' });
    expect(unifiedDiff(before, after, { oldLabel: 'a/f', newLabel: 'b/f' })).toBe(gnu.stdout);
  });

  it('is empty for equal texts and marks a missing final newline', () => {
    expect(unifiedDiff('x\n', 'x\n', { oldLabel: 'a', newLabel: 'b' })).toBe('');
    expect(unifiedDiff('x', 'x\n', { oldLabel: 'a', newLabel: 'b' })).toBe('--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n');
    expect(unifiedDiff('', 'x\n', { oldLabel: 'a', newLabel: 'b' })).toBe('--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n');
  });

  it('applies with patch(1) to give the new text, for random edits of random texts', () => {
    const line = fc.constantFrom('keys:', '  - name: a', '    limit: 1', '', '# note', 'version: 1', '    guardrail: g');
    const text = fc.array(line, { maxLength: 30 }).map((ls) => ls.map((l) => `${l}\n`).join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, dropFinalNewline) => {
        const after = dropFinalNewline && b.length > 0 ? b.slice(0, -1) : b;
        const diff = unifiedDiff(a, after, { oldLabel: 'a/f.yaml', newLabel: 'b/f.yaml' });
        if (a === after) expect(diff).toBe('');
        else expect(applyWithPatch(a, diff)).toBe(after);
      }),
      { numRuns: 25 },
    );
  });
});
