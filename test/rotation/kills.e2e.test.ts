// A rotation killed between any two of its steps (SIGKILL: no cleanup runs) converges when run
// again: exactly one current key under the name, the original key as its predecessor, retired on
// schedule, no key left in the middle of the creation protocol, no lease left behind, and the
// successor's secret in the sink (PRODUCT.md sections 4 and 8).
import { describe, expect, it } from 'vitest';
import { clockOrg, daysAgo, keysByName, killAfterKeyWrites, keyWriteCount, killWhen, sinkHash, type ClockOrg } from './helpers.js';
import { expectConverged, ROTATE, ROTATING, runUntilDone } from './interrupted.js';

describe('rotation killed', () => {
  // The rotation's requests (apply/key-creation.ts): 1 create the successor under a pending name,
  // secured; 2 rename the current key to its predecessor name; then the secret is delivered; 3
  // rename the successor to the key's name. Each kill point leaves a different live state. Retiring
  // on schedule is run once here (the other points leave the same converged state, checked in-process).
  const pending = { names: ['oradmin-pending', 'x'], delivered: false };
  const marked = { names: ['oradmin-pending', 'oradmin-predecessor:2d:delete:x'], delivered: false };
  const delivered = { names: ['oradmin-pending', 'oradmin-predecessor:2d:delete:x'], delivered: true };
  const renamed = { names: ['oradmin-predecessor:2d:delete:x', 'x'], delivered: true };
  const points: { name: string; when: (o: ClockOrg, start: number) => boolean; left: (typeof pending)[]; retire: boolean }[] = [
    // The mark follows the creation at once: a slow poll may let it through (it then commits).
    { name: 'after the successor was created', when: (o, start) => keyWriteCount(o, start) >= 1, left: [pending, marked], retire: false },
    { name: 'after the predecessor was marked, before delivery', when: (o, start) => keyWriteCount(o, start) >= 2, left: [marked], retire: false },
    { name: 'right after the secret was delivered', when: (o) => sinkHash(o, 'default/x') !== undefined, left: [delivered], retire: true },
    { name: 'after the successor took the name', when: (o, start) => keyWriteCount(o, start) >= 3, left: [renamed], retire: false },
  ];

  it.each(points)('killed $name, rotate --due again converges', async ({ when, left, retire }) => {
    // Latency well above the 1 ms poll: the kill lands before the next request commits.
    const o = await clockOrg({ keys: [{ name: 'x', limit: 5, created_at: daysAgo(40) }] }, { latencyMs: 10 });
    o.write('openrouter.admin.yaml', ROTATING);
    const [original] = keysByName(o).x!;
    const start = o.sb.log.length;
    expect(await killWhen(o, ROTATE, () => when(o, start)), 'the kill landed inside the run').toBe(true);
    expect(left).toContainEqual(leftState(o));
    await runUntilDone(o, ROTATE, 2);
    await expectConverged(o, original!, { retire });
  });

  it('killed after the predecessor was marked, apply (not only rotate) finishes the rotation too', async () => {
    const o = await clockOrg({ keys: [{ name: 'x', limit: 5, created_at: daysAgo(40) }] }, { latencyMs: 10 });
    o.write('openrouter.admin.yaml', ROTATING);
    const [original] = keysByName(o).x!;
    expect(await killAfterKeyWrites(o, ROTATE, 2)).toBe(true);
    await runUntilDone(o, ['apply', '--auto-approve', '--lock-ttl', '1s'], 2);
    await expectConverged(o, original!, { retire: true });
  });
});

function leftState(o: ClockOrg) {
  return { names: Object.keys(keysByName(o)).map((n) => n.replace(/^(oradmin-pending):.*$/, '$1')).sort(), delivered: sinkHash(o, 'default/x') !== undefined };
}
