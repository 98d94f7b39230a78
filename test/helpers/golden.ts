// Golden files: committed expected outputs. `UPDATE_GOLDEN=1 npx vitest run` rewrites them; on a
// mismatch the actual output is written next to the golden file as `<name>.actual` for diffing.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(goldenPath: string, actual: string): void {
  const actualPath = `${goldenPath}.actual`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(goldenPath, actual);
    rmSync(actualPath, { force: true });
    return;
  }
  const expected = existsSync(goldenPath) ? readFileSync(goldenPath, 'utf8') : undefined;
  if (expected !== actual) {
    writeFileSync(actualPath, actual);
  } else {
    rmSync(actualPath, { force: true });
  }
  expect(actual, `golden file ${goldenPath} (actual written to ${actualPath}; UPDATE_GOLDEN=1 to accept)`).toBe(
    expected ?? '<missing golden file>',
  );
}
