// Properties of in-place edits on the shipped examples, over random fields and values: the edit
// means what it says (the data reads back changed exactly there) and touches no other line.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, type Pair } from 'yaml';
import { YamlText } from '../../src/edit/yaml-text.js';
import { REPO } from '../helpers/cli.js';

const FILES = [
  'openrouter.admin.yaml',
  ...readdirSync(path.join(REPO, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
];

interface Field {
  path: (string | number)[];
  /** 1-based line of the field's key. */
  line: number;
  flow: boolean;
  firstOfEntry: boolean;
}

/** Every scalar field of every entry of keys, guardrails and workspaces (one level deep). */
function scalarFields(text: string): Field[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const out: Field[] = [];
  for (const section of ['keys', 'guardrails', 'workspaces']) {
    const list = doc.get(section);
    if (!isSeq(list)) continue;
    list.items.forEach((entry, i) => {
      if (!isMap(entry)) return;
      (entry.items as Pair[]).forEach((p, j) => {
        if (!isScalar(p.key) || !isScalar(p.value) || p.value.value === null) return;
        const key = String(p.key.value);
        if (key === 'name' || key === 'slug') return;
        out.push({ path: [section, i, key], line: lc.linePos(p.key.range![0]).line, flow: Boolean(entry.flow), firstOfEntry: j === 0 });
      });
    });
  }
  return out;
}

/** The lines that differ, as one contiguous change: what went and what came. */
function changedLines(before: string, after: string): { removed: number[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return {
    removed: Array.from({ length: a.length - head - tail }, (_, i) => head + i + 1),
    added: b.slice(head, b.length - tail),
  };
}

function setIn(data: any, p: (string | number)[], v: unknown): any {
  const copy = structuredClone(data);
  let here = copy;
  for (const s of p.slice(0, -1)) here = here[s];
  here[p[p.length - 1]!] = v;
  return copy;
}

const value = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.boolean());

describe.each(FILES)('in-place edits of %s', (file) => {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  const fields = scalarFields(text);
  const data = parse(text);

  it('has fields to edit (the properties cannot pass vacuously)', () => {
    expect(fields.length).toBeGreaterThan(0);
  });

  it('setting a field changes its line and no other', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), value, (f, v) => {
        const y = new YamlText(text);
        y.set(f.path, v);
        expect(parse(y.text)).toEqual(setIn(data, f.path, v));
        const { removed, added } = changedLines(text, y.text);
        if (y.text === text) return; // the same value
        expect(removed).toEqual([f.line]);
        expect(added).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  });

  it('removing a field removes its line (and comments directly above it) and adds none', () => {
    const removable = fields.filter((f) => !f.flow && !f.firstOfEntry);
    if (removable.length === 0) return;
    fc.assert(
      fc.property(fc.constantFrom(...removable), (f) => {
        const y = new YamlText(text);
        y.delete(f.path);
        const expected = structuredClone(data);
        delete expected[f.path[0]!][f.path[1]!][f.path[2]!];
        expect(parse(y.text)).toEqual(expected);
        const { removed, added } = changedLines(text, y.text);
        expect(added).toEqual([]);
        expect(removed[removed.length - 1]).toBe(f.line);
        for (const l of removed.slice(0, -1)) expect(text.split('\n')[l - 1]).toMatch(/^\s*#/);
      }),
      { numRuns: 20 },
    );
  });

  it('adding a field to a block entry only adds one line', () => {
    const entries = fields.filter((f) => !f.flow);
    if (entries.length === 0) return;
    fc.assert(
      fc.property(fc.constantFrom(...entries), value, (f, v) => {
        const y = new YamlText(text);
        const p = [f.path[0]!, f.path[1]!, 'x_new_field'];
        y.set(p, v);
        expect(parse(y.text)).toEqual(setIn(data, p, v));
        const { removed, added } = changedLines(text, y.text);
        expect(removed).toEqual([]);
        expect(added).toHaveLength(1);
      }),
      { numRuns: 20 },
    );
  });

  it('appending an entry to a list only adds lines', () => {
    fc.assert(
      fc.property(fc.constantFrom('keys', 'guardrails'), fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.integer({ min: 0, max: 500 }), (section, name, limit) => {
        const y = new YamlText(text);
        y.append([section], { name, limit });
        const expected = structuredClone(data);
        (expected[section] ??= []).push({ name, limit });
        expect(parse(y.text)).toEqual(expected);
        const { removed, added } = changedLines(text, y.text);
        expect(removed).toEqual([]);
        expect(added.filter((l) => l.trim() !== '')).toHaveLength(Array.isArray(data[section]) ? 2 : 3);
      }),
      { numRuns: 20 },
    );
  });
});
