// The fast YAML path may decline anything, but whatever it accepts must be exactly what the
// `yaml` library makes of the same text, with the library reporting no errors or warnings.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { parseFastYaml, parseFastYamlInSlices } from '../../src/config/fast-yaml.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: false } as const;

/** The first place where `actual` and `expected` differ: types, key order, Object.is for numbers. */
function difference(actual: unknown, expected: unknown, at: string): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${show(actual)}`;
    if (actual.length !== expected.length) return `${at}: ${actual.length} items, expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(actual[i], expected[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: expected an object, got ${show(actual)}`;
    if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${at}: different prototypes`;
    const keys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (keys.length !== actualKeys.length || keys.some((k, i) => k !== actualKeys[i])) {
      return `${at}: keys ${show(actualKeys)}, expected ${show(keys)}`;
    }
    for (const k of keys) {
      const d = difference((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${at}: ${show(actual)}, expected ${show(expected)}`;
}

function show(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Asserts the contract for one text; true when the fast path accepted it. */
function holdsContract(text: string): boolean {
  const fast = parseFastYaml(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, PARSE_OPTIONS);
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.code);
  if (problems.length > 0) throw new Error(`accepted, but the library reports ${problems.join(', ')}: ${JSON.stringify(text)}`);
  const d = difference(fast.value, doc.toJS({ maxAliasCount: 100 }), '$');
  if (d) throw new Error(`${d} in ${JSON.stringify(text)}`);
  return true;
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...yamlFilesUnder(rel));
    } else if (/\.ya?ml$/.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}

describe('parseFastYaml on real files', () => {
  const files = ['examples', 'test'].flatMap(yamlFilesUnder).sort();

  it('agrees with the library on every example and test file, and accepts most of them', () => {
    expect(files.length).toBeGreaterThan(10);
    const rejected = files.filter((file) => !holdsContract(readFileSync(path.join(REPO, file), 'utf8')));
    expect(rejected.length / files.length, `rejected: ${rejected.join(', ')}`).toBeLessThanOrEqual(0.4);
    // The shipped desired-state examples are what users copy: they must take the fast path.
    expect(rejected.filter((f) => /^examples\/[^/]+\.yaml$/.test(f))).toEqual([]);
  });

  it('accepts the benchmark generator output', async () => {
    type Generate = (spec: object) => { seed: unknown; desiredYaml: string; driftedYaml: string };
    const { generateOrg } = (await import('../../bench/generate.mjs' as string)) as { generateOrg: Generate };
    const org = generateOrg({
      name: 'fast-yaml', workspaces: 4, keys: 120, guardrails: 12, members: 20,
      keyBindings: 30, memberBindings: 10, membersPerWorkspace: 3,
    });
    for (const text of [org.desiredYaml, org.driftedYaml, stringify(org.seed)]) expect(holdsContract(text)).toBe(true);
  });
});

describe('parseFastYaml on generated documents', () => {
  const TRICKY = [
    'true', 'False', 'null', '~', '', ' ', '1e3', '0x1F', '0o17', '.inf', '-.5', '- a', 'a: b', 'a #b', '#x', '@x',
    '`x', "it's", 'say "hi"', 'tab\there', 'héllo wörld', '日本語', '🚀 launch', '2026-01-01T00:00:00Z',
    'openai/gpt-4o:beta', '-', '?', ':', 'a:', '[x]', '{y}', 'a, b', '*star', '&anchor', '!tag', '|', '>', '%x',
    ' lead', 'trail ', 'line\nbreak', 'back\\slash', '\u00a0nbsp', 'x\u0007bell', '---', '...', '0', '-0', '007',
    '1_000', '+1', '12345678901234567890', 'Yes', 'NO', 'on', 'NaN', '.NaN',
  ];
  const KEYS = [
    'name', 'workspace', 'limit', 'limit_reset', 'members', 'allowed_providers', 'a', 'b-c', 'x.y', 'key_1',
    'with space', 'émoji 😀', 'true', '1', 'null', '-', ':', 'a: b', '#x', '"q"', "'", '', 'on', '0x10',
  ];
  const scalar = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.constantFrom(0, -0, 2 ** 53 + 2, 1e21, -1e-7, 12345678901234567000, Number.MAX_SAFE_INTEGER),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...TRICKY),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  const key = fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/));
  const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ maxDepth: 4, depthIdentifier: 'config' }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4, depthIdentifier: 'config' }),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5, depthIdentifier: 'config', noNullPrototype: true }),
  }));
  const document = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(key, value, { minKeys: 1, maxKeys: 6, noNullPrototype: true }) },
    { weight: 1, arbitrary: value },
  );
  const STYLES = [
    {},
    { collectionStyle: 'flow' },
    { indentSeq: false },
    { defaultStringType: 'QUOTE_DOUBLE' },
    { defaultStringType: 'QUOTE_SINGLE' },
    { defaultKeyType: 'PLAIN' },
    { lineWidth: 0 },
  ] as const;
  const comment = fc.record({ line: fc.nat(), trailing: fc.boolean(), indent: fc.nat({ max: 6 }) });

  function withComments(text: string, comments: readonly { line: number; trailing: boolean; indent: number }[]): string {
    const lines = text.split('\n');
    for (const c of comments) {
      const i = c.line % lines.length;
      if (c.trailing) lines[i] = `${lines[i]} # note`;
      else lines.splice(i, 0, `${' '.repeat(c.indent)}# note`);
    }
    return lines.join('\n');
  }

  it('rendered in several styles, with and without comments, keeps the contract', () => {
    const accepted = STYLES.map(() => 0);
    let runs = 0;
    fc.assert(
      fc.property(document, fc.array(comment, { maxLength: 3 }), (doc, comments) => {
        runs++;
        STYLES.forEach((options, i) => {
          const text = stringify(doc, options);
          if (holdsContract(text)) accepted[i]!++;
          if (comments.length > 0) holdsContract(withComments(text, comments));
        });
      }),
      { numRuns: 400, seed: 20261202 },
    );
    // Not vacuous: the default block style and its variants mostly take the fast path.
    expect(accepted[0]! / runs, `accepted per style: ${accepted.join(', ')} of ${runs}`).toBeGreaterThan(0.5);
    expect(accepted[2]! / runs).toBeGreaterThan(0.5);
    expect(accepted[3]! / runs).toBeGreaterThan(0.5);
  });
});

describe('parseFastYaml on mutated real files', () => {
  const sources = ['examples/minimal.yaml', 'examples/multi-team.yaml', 'test/config/cases/everything-at-once/input.yaml']
    .map((f) => readFileSync(path.join(REPO, f), 'utf8'));
  const CHARS = [' ', ' ', '\n', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '?', '\t', '\r', 'a', '0', '.', '%', '@', '`', '\\', '~', 'é'];
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    char: fc.constantFrom(...CHARS),
  });

  it('keeps the contract for single-character insertions, deletions and replacements', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 2 }), (which, edits) => {
        let text = sources[which]!;
        for (const { at, kind, char } of edits) {
          const i = at % (text.length + 1);
          const rest = kind === 'insert' ? text.slice(i) : text.slice(i + 1);
          text = text.slice(0, i) + (kind === 'delete' ? '' : char) + rest;
        }
        if (holdsContract(text)) accepted++;
      }),
      { numRuns: 400, seed: 4242 },
    );
    // Most single edits of a valid file leave it valid (a letter, a space in a value): the fast
    // path must still take a fair share, or this test proves nothing.
    expect(accepted).toBeGreaterThan(80);
  });
});

describe('parseFastYaml on token soup', () => {
  // Fragments that mean something to YAML, glued at random: most results are invalid or
  // ambiguous, which is exactly where the fast path must decline rather than guess.
  const FRAGMENTS = [
    '- ', '-', 'a', 'key', ': ', ':', ' ', '  ', '#', ' #c', '"x"', "'y'", '"', "'", '[', ']', '{', '}', ', ', ',',
    '1', '-1', '.5', '0x1', '1e3', 'a: [', 'a: {', '- [', 'b]', 'c}', '.inf', 'true', '~', '\n', '\n', '\n  ', '\n- ', '? ', '&a ', '*a', '!t ', '|', '>',
    '---', '...', '\\', '\\n', '\\x4', "''", 'é', '😀', '\t', '\r', '%', '@', '`', '__proto__', '<<', 'a:b', '\u00a0',
  ];
  const FLOW_FRAGMENTS = ['a', 'b c', ',', ', ', '[', ']', '{', '}', ': ', ':', '"x"', "'y'", ' ', '#', ' #', '-', '?', '1', 'true', '~', '*', '&'];
  const soup = fc.oneof(
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom('a: [', 'a: {', '- [', '[', '{'), fc.array(fc.constantFrom(...FLOW_FRAGMENTS), { maxLength: 12 }), fc.constantFrom(']', '}', ']}', '}]'))
      .map(([open, parts, close]) => open + parts.join('') + close),
  );

  it('keeps the contract for random fragments', () => {
    let accepted = 0;
    fc.assert(
      fc.property(soup, (text) => {
        if (holdsContract(text)) accepted++;
      }),
      { numRuns: 8000, seed: 77 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});

describe('parseFastYaml, explicit cases', () => {
  const declined: Record<string, string> = {
    anchor: 'a: &x 1\nb: 2',
    alias: 'a: &x 1\nb: *x',
    'alias in a sequence': '- *x',
    tag: 'a: !!str 1',
    'local tag': 'a: !secret x',
    'literal block scalar': 'a: |\n  line\n',
    'folded block scalar': 'a: >-\n  line\n',
    'tab indentation': 'a:\n\tb: 1',
    'tab before a value': 'a:\t1',
    CRLF: 'a: 1\r\nb: 2\r\n',
    BOM: '\ufeffa: 1',
    'duplicate key': 'a: 1\na: 2',
    'duplicate key, quoted': 'a: 1\n"a": 2',
    'duplicate key in a flow mapping': 'a: {b: 1, b: 2}',
    'complex key': '? a\n: b',
    'merge key': 'base: {a: 1}\nx:\n  <<: {a: 1}',
    'multi-document': 'a: 1\n---\nb: 2',
    'document end marker': 'a: 1\n...\n',
    directive: '%YAML 1.2\n---\na: 1',
    'multi-line plain scalar': 'a: one\n  two',
    'multi-line double-quoted scalar': 'a: "one\n  two"',
    'multi-line single-quoted scalar': "a: 'one\n  two'",
    'multi-line flow sequence': 'a: [1,\n  2]',
    '__proto__ key': '__proto__: 1',
    '__proto__ key, quoted': '"__proto__": {polluted: true}',
    'non-string key': '1: a',
    'boolean key': 'true: a',
    'null key': '~: a',
    'nested mapping on one line': 'a: b: c',
    'sequence on a key line': 'a: - b',
    'unknown escape': 'a: "\\q"',
    'escape beyond Unicode': 'a: "\\U00110000"',
    'JSON-style key in a block': '"a":b',
    '__proto__ key in a flow mapping': 'a: {__proto__: {polluted: true}}',
    'boolean key in a flow mapping': 'a: {true: 1}',
    'merge key in a flow mapping': 'a: {<<: {b: 1}}',
    'pair in a flow sequence': 'a: [b: c]',
    'reserved indicator': 'a: @x',
    'bad indentation': 'a:\n  b: 1\n c: 2',
    'key then sequence at the wrong column': 'a: 1\n- b',
  };
  for (const [name, text] of Object.entries(declined)) {
    it(`declines: ${name}`, () => {
      expect(parseFastYaml(text)).toBeUndefined();
    });
  }

  const acceptedCases: [string, string, unknown][] = [
    ['key with nothing is null', 'a:\nb: 1', { a: null, b: 1 }],
    ['key with only a comment is null', 'a: # later\n', { a: null }],
    ['sequence items that are mappings', 'keys:\n  - name: a\n    limit: 3\n  - name: b\n', { keys: [{ name: 'a', limit: 3 }, { name: 'b' }] }],
    ['compact sequence under a key', 'keys:\n- a\n- b\nnext: 1', { keys: ['a', 'b'], next: 1 }],
    ['dash alone, item below', '-\n  a: 1\n-\n- x', [{ a: 1 }, null, 'x']],
    ['nested sequences on one line', '- - a\n  - b\n- c', [['a', 'b'], 'c']],
    ['trailing comments after values', 'a: 1 # one\nb: [x] # list\nc: "q" # quoted\nd: # nothing', { a: 1, b: ['x'], c: 'q', d: null }],
    ['comments and blank lines anywhere', '# head\n---  # start\n\na:\n# between\n  - x\n\n    # deep\n  - y\n', { a: ['x', 'y'] }],
    ['double-quoted escapes', 'a: "q\\"\\\\\\/\\n\\t\\x41\\u00e9\\U0001F600"', { a: 'q"\\/\n\tAé😀' }],
    ['single-quoted with doubled quote', "a: 'it''s'", { a: "it's" }],
    ['quoted keys', '"true": 1\n\'x y\': 2', { true: 1, 'x y': 2 }],
    ['empty collections', 'a: []\nb: {}\nc: [ ]', { a: [], b: {}, c: [] }],
    ['flow collections', 'a: [a, "b", 3]\nb: { name: ci-bot, limit: 5, workspace: default }\nc: { x: [y, z] }', {
      a: ['a', 'b', 3], b: { name: 'ci-bot', limit: 5, workspace: 'default' }, c: { x: ['y', 'z'] },
    }],
    ['core schema scalars', 'a: [~, null, NULL, true, False, 0o17, 0x1F, -12, +3, 1.5, 1e3, .inf, -.Inf, 2026-01-01, yes, 1_000]', {
      a: [null, null, null, true, false, 15, 31, -12, 3, 1.5, 1000, Infinity, -Infinity, '2026-01-01', 'yes', '1_000'],
    }],
    ['negative zero and NaN', 'a: -0\nb: .nan', { a: -0, b: NaN }],
    ['plain scalars with indicators inside', 'a: openai/gpt-4o:beta\nb: x#y\nc: -x\nd: b[0]', { a: 'openai/gpt-4o:beta', b: 'x#y', c: '-x', d: 'b[0]' }],
    ['empty document', '# only a comment\n', null],
    ['top-level flow sequence', '[a, b]', ['a', 'b']],
    ['JSON-style flow mapping', 'a: {"k":1, "l": [x]}', { a: { k: 1, l: ['x'] } }],
  ];
  for (const [name, text, expected] of acceptedCases) {
    it(`accepts: ${name}`, () => {
      const fast = parseFastYaml(text);
      if (expected === undefined) {
        expect(fast).toBeUndefined();
        return;
      }
      expect(fast).toBeDefined();
      expect(difference(fast!.value, expected, '$')).toBeUndefined();
      expect(holdsContract(text)).toBe(true);
    });
  }
});

describe('parseFastYaml on hostile input', () => {
  const LONG = 100_000;
  const inputs: Record<string, string> = {
    'a 100,000-character value': `a: ${'x'.repeat(LONG)}`,
    'a 100,000-character key': `${'k'.repeat(LONG)}: 1`,
    '100,000 colons': `a: ${':'.repeat(LONG)}`,
    'alternating colons': `a${': a'.repeat(LONG / 3)}`,
    'spaces then a value': `${' '.repeat(LONG)}x`,
    'many spaced hashes': `a: b${' #'.repeat(LONG / 2)}`,
    'dashes without spaces': `a: ${'-'.repeat(LONG)}`,
    '10,000 nested dashes on one line': `${'- '.repeat(10_000)}x`,
    '50,000 dashes': '- '.repeat(LONG / 2),
    'unterminated single quote with doubled quotes': `a: '${"''".repeat(LONG / 2)}`,
    'unterminated double quote with escapes': `a: "${'\\"'.repeat(LONG / 2)}`,
    '100,000 open brackets': `a: ${'['.repeat(LONG)}`,
    '10,000 nested flow sequences': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    'long flow sequence': `a: [${'x, '.repeat(LONG / 3)}y]`,
    'long flow mapping': `a: {${Array.from({ length: 2_000 }, (_, i) => `k${i}: ${i}`).join(', ')}}`,
    'deep block mappings': Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    'deep sequences by indentation': Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n'),
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`returns promptly and never throws: ${name}`, () => {
      const started = performance.now();
      let result: ReturnType<typeof parseFastYaml>;
      expect(() => (result = parseFastYaml(text))).not.toThrow();
      // Linear work on a few hundred kilobytes takes milliseconds; quadratic behaviour would take
      // minutes. The bound is a thousand times the linear cost, so a busy machine never trips it.
      expect(performance.now() - started).toBeLessThan(10_000);
      // Where it answers, the answer must be the library's.
      if (result !== undefined) expect(holdsContract(text)).toBe(true);
    });
  }

  it('reads a long value exactly', () => {
    expect(parseFastYaml(inputs['a 100,000-character value']!)).toEqual({ value: { a: 'x'.repeat(LONG) } });
  });

  it('reads 100,000 keys in linear time', () => {
    // Not compared with the library here: its duplicate-key check is quadratic in the keys of a mapping.
    const text = Array.from({ length: LONG }, (_, i) => `k${i}: ${i}`).join('\n');
    const started = performance.now();
    const result = parseFastYaml(text);
    // Milliseconds when linear, minutes when quadratic; the bound leaves a busy machine a thousandfold margin.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result).toEqual({ value: Object.fromEntries(Array.from({ length: LONG }, (_, i) => [`k${i}`, i])) });
  });
});

describe('parseFastYamlInSlices', () => {
  // Plan parses large files a slice of lines at a time (config/load-for-plan.ts): the same parser,
  // paused between lines, must give the same answer — a value, or a refusal — for any slice size.
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  const same = async (text: string, linesPerSlice: number) => {
    const whole = parseFastYaml(text);
    const sliced = await parseFastYamlInSlices(text, pause, linesPerSlice);
    if (whole === undefined) return expect(sliced, JSON.stringify(text)).toBeUndefined();
    expect(sliced, JSON.stringify(text)).toBeDefined();
    expect(difference(sliced!.value, whole.value, '$'), JSON.stringify(text)).toBeUndefined();
  };

  it('agrees with parseFastYaml on every example and test file, at any slice size', async () => {
    const files = ['examples', 'test'].flatMap(yamlFilesUnder).sort();
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(path.join(REPO, file), 'utf8');
      if (parseFastYaml(text)) accepted++;
      for (const size of [1, 3, 1000]) await same(text, size);
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it('agrees on mutated files, including those it declines half-way', async () => {
    const source = readFileSync(path.join(REPO, 'examples/multi-team.yaml'), 'utf8');
    let declined = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(' ', '\n', ':', '-', '#', '"', '[', '{', '&', '*', '\t', 'a'), fc.integer({ min: 1, max: 5 }), async (at, char, size) => {
        const i = at % (source.length + 1);
        const text = source.slice(0, i) + char + source.slice(i);
        if (parseFastYaml(text) === undefined) declined++;
        await same(text, size);
      }),
      { numRuns: 150, seed: 1919 },
    );
    // Not vacuous: some of the edits make the parser give up after the first slices.
    expect(declined).toBeGreaterThan(5);
  });

  it('pauses after every slice of lines', async () => {
    const text = `keys:\n${Array.from({ length: 100 }, (_, i) => `  - name: k${i}\n    limit: ${i}\n`).join('')}`;
    let pauses = 0;
    const parsed = await parseFastYamlInSlices(text, () => ((pauses++), pause()), 20);
    expect((parsed?.value as { keys: unknown[] }).keys).toHaveLength(100);
    // 202 lines (the last one empty) in slices of 20.
    expect(pauses).toBe(10);
  });
});
