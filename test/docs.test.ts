// Documentation that is derived from the code must not drift from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { jsonSchema } from '../src/config/schema.js';
import { fieldReference, withReference } from '../src/config/field-reference.js';
import { REPO } from './helpers/cli.js';

it('the README field reference is the one generated from the schema (npm run docs)', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  expect(readme).toBe(withReference(readme, fieldReference(jsonSchema())));
});

it('the field reference documents every field of the schema', () => {
  const reference = fieldReference(jsonSchema());
  for (const field of ['keys[].expires_at', 'keys[].allow_replace', 'guardrails[].enforce_zdr_openai', 'workspaces[].budgets.lifetime', 'workspaces[].default_guardrail.content_filter_builtins[].scan_scope', 'policy.keys.name_pattern', 'unmanaged.members']) {
    expect(reference).toContain(`| \`${field}\` |`);
  }
  const undocumented = reference.split('\n').filter((l) => l.startsWith('| `') && /\|\s*\|$/.test(l.trim()));
  expect(undocumented, 'every field has a description in the zod schema').toEqual([]);
});

it('the README shows the two commands and the test command CI runs', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  expect(readme).toContain('npm ci && npm run demo');
  expect(readme).toContain('npm test');
  const ci = readFileSync(path.join(REPO, '.ci/run'), 'utf8');
  expect(ci).toContain('npm ci');
  expect(ci).toContain('npm test');
});
