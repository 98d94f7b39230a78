import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/config/load.js';
import { jsonSchema } from '../../src/config/schema.js';
import { REPO } from '../helpers/cli.js';

const examples = [
  'openrouter.admin.yaml',
  ...readdirSync(path.join(REPO, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
];

describe('shipped examples', () => {
  it('covers the minimal, multi-team and strict-governance examples', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['examples/minimal.yaml', 'examples/multi-team.yaml', 'examples/strict-governance.yaml']),
    );
  });

  for (const file of examples) {
    it(`${file} is valid and points editors at the schema`, async () => {
      const result = await validateFile(path.join(REPO, file), new Date('2026-11-22T00:00:00Z'));
      expect(result.errors).toEqual([]);
      const firstLine = readFileSync(path.join(REPO, file), 'utf8').split('\n')[0];
      expect(firstLine).toMatch(/^# yaml-language-server: \$schema=(\.\.\/|\.\/)schemas\/openrouter\.admin\.schema\.json$/);
    });
  }
});

describe('JSON Schema', () => {
  it('the committed schemas/openrouter.admin.schema.json is generated from the current zod schema', () => {
    const committed = JSON.parse(readFileSync(path.join(REPO, 'schemas/openrouter.admin.schema.json'), 'utf8'));
    // Stale? Regenerate with: npm run build && node bin/oradmin.js schema > schemas/openrouter.admin.schema.json
    expect(committed).toEqual(jsonSchema());
  });

  it('rejects unknown fields and documents every field', () => {
    const schema = jsonSchema() as { additionalProperties: unknown; properties: Record<string, { description?: string }> };
    expect(schema.additionalProperties).toBe(false);
    for (const [name, prop] of Object.entries(schema.properties)) {
      expect(prop.description, `top-level field ${name} has a description`).toBeTruthy();
    }
  });
});
