// Golden files of every format of `oradmin activity` and of the forecasts in `oradmin status`, from
// the built CLI against the seeded sandbox, the clocks of both fixed at NOW (helpers.ts).
// UPDATE_GOLDEN=1 rewrites them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { activityOrg, mapLimited } from './helpers.js';

const golden = (name: string) => path.join(import.meta.dirname, 'golden', name);
const EXT = { text: 'txt', json: 'json', markdown: 'md', csv: 'csv' } as const;

describe('golden reports', () => {
  it.each([
    ['by-model', ['activity']],
    ['by-key', ['activity', '--by', 'key', '--top', '3']],
    ['research-endpoints', ['activity', '--by', 'endpoint', '--workspace', 'research', '--days', '7', '--top', '2']],
  ])('activity %s in text, json, markdown and csv', async (name, args) => {
    const o = await activityOrg();
    const results = await mapLimited(['text', 'json', 'markdown', 'csv'] as const, 2, async (format) => [format, await o.run([...args, '-o', format])] as const);
    for (const [format, r] of results) {
      expect([r.code, r.stderr], `${format}: ${r.stderr}`).toEqual([0, '']);
      expectGolden(golden(`${name}.${EXT[format]}`), r.stdout);
    }
    const [text, , markdown, csv] = results.map(([, r]) => r.stdout);
    // The picture for people: a bar per day within 80 columns, and a mermaid chart GitHub renders.
    const chart = text!.slice(text!.indexOf('\nDaily spend\n') + 1).trimEnd().split('\n');
    expect(chart.length).toBeGreaterThan(1);
    for (const line of chart) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(text!.trimEnd().split('\n').at(-1)).toMatch(/^ {2}(\$[\d,.]+ in \d+ days?, .*|No spend on any of these days\.)$/);
    expect(markdown).toMatch(/\n```mermaid\nxychart-beta\n {4}title "Daily spend \(USD\)"\n {4}x-axis \[("\d\d-\d\d"(, )?)+\]\n {4}y-axis "USD" 0 --> [\d.]+\n {4}bar \[[\d., ]+\]\n```\n/);
    expect(csv!.split('\r\n').at(-1)).toBe('');
  }, 120_000);

  it('status with forecasts in text, json and markdown', async () => {
    const o = await activityOrg();
    for (const format of ['text', 'json', 'markdown'] as const) {
      const r = await o.run(['status', '-o', format]);
      expect([r.code, r.stderr], r.stderr).toEqual([0, '']);
      expectGolden(golden(`status.${EXT[format]}`), r.stdout);
    }
  }, 120_000);
});
