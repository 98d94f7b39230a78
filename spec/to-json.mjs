#!/usr/bin/env node
// Writes openrouter-management.openapi.json: the vendored YAML document, parsed once. The sandbox
// reads the JSON because parsing these 375 KB of YAML takes about a second, and a sandbox starts
// in every test file. test/sandbox/spec.test.ts checks that the JSON is exactly the YAML's parse.
// Run after updating the YAML: node spec/to-json.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const yamlUrl = new URL('./openrouter-management.openapi.yaml', import.meta.url);
const jsonUrl = new URL('./openrouter-management.openapi.json', import.meta.url);
writeFileSync(jsonUrl, `${JSON.stringify(parse(readFileSync(yamlUrl, 'utf8')), null, 1)}\n`);
