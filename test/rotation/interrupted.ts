// What the interrupted-rotation suites share: the file, the scheduled command, running it until it
// succeeds, and the convergence checks.
import { expect } from 'vitest';
import { DAY, expectOneCurrentKey, keysByName, readSink, type ClockOrg } from './helpers.js';

export const ROTATING = `version: 1
secrets: { file: secrets.json }
keys:
  - name: x
    limit: 5
    rotation: { every: 30d, overlap: 2d }
`;

// A killed run leaves its apply lease behind until it expires: a short lease keeps the next run's wait short.
export const ROTATE = ['rotate', '--due', '--auto-approve', '--lock-ttl', '1s'];

export async function runUntilDone(o: ClockOrg, args: string[], maxRuns: number): Promise<number> {
  for (let run = 1; run <= maxRuns; run++) {
    // The next run comes a few seconds later: a killed run's lease (--lock-ttl 1s) has expired by
    // then, instead of being waited out in real time.
    o.clock.offsetMs += 3_000;
    const r = await o.run(args);
    if (r.code === 0) return run;
    // A failed run says what happened; it never crashes.
    expect(r.stderr).toMatch(/failed|error: /i);
    expect(r.stderr).not.toMatch(/internal error/);
  }
  throw new Error(`${args.join(' ')} did not succeed in ${maxRuns} runs`);
}

/**
 * After the rotation: one current key, the original as its one predecessor, the sink promising its
 * retirement at the successor's creation plus the overlap, no lease left. With `retire`, 3 days on
 * `rotate --due` keeps that promise: only the current key is left.
 */
export async function expectConverged(o: ClockOrg, original: string, { retire }: { retire: boolean }): Promise<void> {
  const { current, predecessors } = expectOneCurrentKey(o, 'x');
  expect(current).not.toBe(original);
  expect(predecessors, 'the original key is the predecessor').toEqual([original]);
  const retiresAt = Date.parse(o.sb.state.key(current)!.created_at) + 2 * DAY;
  expect(readSink(o)['default/x']!.predecessor).toEqual({ hash: original, retires_at: new Date(retiresAt).toISOString() });
  expect(o.sb.state.guardrailsIn(), 'no apply lease left').toEqual([]);
  if (!retire) return;
  o.clock.offsetMs += 3 * DAY;
  await runUntilDone(o, ROTATE, 2);
  expect(keysByName(o)).toEqual({ x: [current] });
}
