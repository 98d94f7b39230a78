// The vendored OpenAPI document (spec/README.md): the YAML is the one recorded, and the JSON the
// sandbox reads is exactly its parse.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const SPEC = new URL('../../spec/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, SPEC), 'utf8');

describe('spec/', () => {
  it('holds the YAML whose SHA-256 the README records', () => {
    const digest = createHash('sha256').update(readFileSync(new URL('openrouter-management.openapi.yaml', SPEC))).digest('hex');
    expect(read('README.md')).toContain(digest);
  });

  it('holds a JSON copy equal to the parsed YAML (node spec/to-json.mjs)', () => {
    expect(JSON.parse(read('openrouter-management.openapi.json'))).toEqual(parse(read('openrouter-management.openapi.yaml')));
  });
});
