#!/usr/bin/env node
// `npm run docs`: regenerate what the docs derive from the code — the committed JSON Schema and the
// README's field reference. Run after changing src/config/schema.ts (tests fail until you do).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { jsonSchema } = await import(path.join(root, 'dist/config/schema.js'));
const { fieldReference, withReference } = await import(path.join(root, 'dist/config/field-reference.js'));
const schema = jsonSchema();
writeFileSync(path.join(root, 'schemas/openrouter.admin.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
const readmePath = path.join(root, 'README.md');
writeFileSync(readmePath, withReference(readFileSync(readmePath, 'utf8'), fieldReference(schema)));
process.stdout.write('Updated schemas/openrouter.admin.schema.json and the field reference in README.md\n');
