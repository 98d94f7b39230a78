// Golden plans: each case is a desired file and a sandbox seed; `oradmin plan` in text, JSON and
// markdown must match the committed expected.* files exactly (UPDATE_GOLDEN=1 rewrites them).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { org } from '../helpers/org.js';
import { expectGolden } from '../helpers/golden.js';

const casesDir = path.join(import.meta.dirname, 'cases');

describe('plan golden files', () => {
  for (const name of readdirSync(casesDir).sort()) {
    it(name, async () => {
      const dir = path.join(casesDir, name);
      const o = await org(parse(readFileSync(path.join(dir, 'seed.yaml'), 'utf8')), { deterministicIds: true });
      o.write('openrouter.admin.yaml', readFileSync(path.join(dir, 'desired.yaml'), 'utf8'));
      let text: { code: number | null; stderr: string } | undefined;
      for (const [format, file] of [['text', 'expected.txt'], ['json', 'expected.json'], ['markdown', 'expected.md']] as const) {
        const r = await o.run(['plan', '-o', format]);
        expectGolden(path.join(dir, file), r.stdout);
        // The exit code and stderr: 0 and nothing, or 1 and why apply would refuse (the same in
        // every format).
        if (text) expect({ code: r.code, stderr: r.stderr }, format).toEqual(text);
        else {
          text = { code: r.code, stderr: r.stderr };
          expectGolden(path.join(dir, 'expected.stderr'), `exit ${r.code}\n${r.stderr}`);
        }
      }
      // Planning is read-only.
      expect(o.writes()).toEqual({});
    });
  }
});
