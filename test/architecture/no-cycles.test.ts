// Dependencies point one way (issue 19): no import cycle between files of src/, and none between its
// folders (config → core → api → resources → apply → cli, with render, status, export beside), and
// core/ imports nothing above it. The same check as `npx madge --circular --extensions ts src` for
// files, plus the folder level, with the parser of test/helpers/import-graph.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../helpers/import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : '.');

describe('the import graph of src/', () => {
  const graph = importGraph(SRC);

  it('is read whole (a parser that finds nothing would pass everything)', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.internal.get('cli/pipeline.ts')).toContain('api/client.ts');
  });

  it('has no cycle between files', () => {
    expect(cycles(graph.internal).map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no cycle between the folders of src/', () => {
    const folders = new Map<string, Set<string>>();
    const example = new Map<string, string>();
    for (const [file, deps] of graph.internal) {
      for (const dep of deps) {
        const [a, b] = [folderOf(file), folderOf(dep)];
        if (a === b) continue;
        folders.set(a, (folders.get(a) ?? new Set()).add(b));
        if (!example.has(`${a}>${b}`)) example.set(`${a}>${b}`, `${file} → ${dep}`);
      }
    }
    const found = cycles(new Map([...folders].map(([a, bs]) => [a, [...bs]])));
    const explain = found.map((c) => c.slice(1).map((b, i) => example.get(`${c[i]}>${b}`)));
    expect(found.map((c) => c.join(' → ')), JSON.stringify(explain, null, 2)).toEqual([]);
  });

  it('keeps core/ pure of the layers above it', () => {
    const offending = [...graph.internal].flatMap(([file, deps]) =>
      folderOf(file) === 'core' ? deps.filter((d) => !['core', 'config', '.'].includes(folderOf(d))).map((d) => `${file} → ${d}`) : [],
    );
    expect(offending).toEqual([]);
  });
});
