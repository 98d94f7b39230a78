// A rotation whose requests fail at random (429, 5xx, connection resets) and whose create and
// rename responses are lost after the server committed them never makes two successors: it
// converges to one current key with its secret delivered, its predecessor retired on schedule.
import { describe, expect, it } from 'vitest';
import { faultsForRate } from '../../src/sandbox/index.js';
import { clockOrg, daysAgo, keysByName } from './helpers.js';
import { expectConverged, ROTATING, runUntilDone } from './interrupted.js';

describe('rotation under faults', () => {
  it('under 20% injected 429/5xx/resets and lost create and rename responses: one successor, delivered, retired on schedule', async () => {
    const o = await clockOrg({ keys: [{ name: 'x', limit: 5, created_at: daysAgo(40) }] }, { rngSeed: 16, faults: { ...faultsForRate(0.2), retryAfterSeconds: 0 } });
    o.sb.dropAfterCommit('createKeys', 1);
    o.sb.dropAfterCommit('updateKeys', 1);
    o.write('openrouter.admin.yaml', ROTATING);
    const [original] = keysByName(o).x!;
    await runUntilDone(o, ['apply', '--auto-approve', '--lock-ttl', '1s'], 4);
    expect(o.sb.log.filter((e) => e.fault !== null && e.fault !== 'drop-after-commit').length, 'random faults were injected').toBeGreaterThan(3);
    expect(o.sb.log.filter((e) => e.fault === 'drop-after-commit').length, 'both lost responses happened').toBe(2);
    await expectConverged(o, original!, { retire: true });
    o.sb.setFaults({ rate429: 0, rate500: 0, rate502: 0, rate503: 0, rateReset: 0 });
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
