// The README's assistant section lists exactly the tools the server registers, each with its kind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Host } from '../../src/mcp/host.js';
import { proposeTools, readTools } from '../../src/mcp/server.js';
import { REPO } from '../helpers/cli.js';

// Tool definitions only read the file name; no call reaches the organization here.
const unused = () => Promise.reject(new Error('not called'));
const host: Host = { file: 'openrouter.admin.yaml', now: () => new Date(), plan: unused, status: unused };

it('the README documents every MCP tool, as read or propose', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Assistant interface (MCP)'), readme.indexOf('## Rehearse with the sandbox'));
  const documented = [...section.matchAll(/^\| `([a-z_]+)` \| (read|propose)/gm)].map((m) => `${m[1]}:${m[2]}`);
  const registered = [...readTools(host).map((t) => `${t.name}:read`), ...proposeTools(host).map((t) => `${t.name}:propose`)];
  expect(documented.sort()).toEqual(registered.sort());
  expect(registered).toHaveLength(13);
});
