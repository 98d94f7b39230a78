// Each directory under cases/ is an invalid desired state (input.yaml, or a directory input/) with
// the exact messages validate must print, positions included, in expected.txt.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { validateFile } from '../../src/config/load.js';
import { formatDiagnostic } from '../../src/errors.js';
import { expectGolden } from '../helpers/golden.js';

const casesDir = path.join(import.meta.dirname, 'cases');
const NOW = new Date('2026-11-22T00:00:00Z');

describe('invalid desired-state files', () => {
  for (const name of readdirSync(casesDir).sort()) {
    it(name, async () => {
      const dir = path.join(casesDir, name);
      const input = existsSync(path.join(dir, 'input.yaml')) ? path.join(dir, 'input.yaml') : path.join(dir, 'input');
      // Relative to the repository, as a user would type it: messages embed other positions too.
      const result = await validateFile(path.relative(process.cwd(), input), NOW);
      const text = [...result.errors, ...result.warnings].map(formatDiagnostic).join('\n');
      expectGolden(path.join(dir, 'expected.txt'), `${text}\n`);
    });
  }
});
