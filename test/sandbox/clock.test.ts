// Every time-dependent behaviour follows the sandbox's clock (the `now` option), so tests make
// keys old and move time forward without sleeping.
import { describe, expect, it } from 'vitest';
import { expectError, fixedClock, sandbox } from './helpers.js';

describe('the injectable clock', () => {
  it('dates created_at and updated_at, and decides whether expires_at is in the future', async () => {
    // A Thursday.
    const clock = fixedClock('2026-01-15T12:00:00.000Z');
    const { api } = await sandbox({ now: clock.now });
    const first = (await api.post('/keys', { name: 'k', expires_at: '2026-01-15T13:00:00Z' })).body.data;
    expect(first.created_at).toBe('2026-01-15T12:00:00.000Z');

    clock.advance(2 * 3_600_000);
    const late = await api.post('/keys', { name: 'k2', expires_at: '2026-01-15T13:00:00Z' });
    expect(expectError(late, 400)).toContain('not in the future');
    const second = (await api.post('/keys', { name: 'k2', expires_at: '2026-01-15T15:00:00Z' })).body.data;
    expect(second.created_at).toBe('2026-01-15T14:00:00.000Z');
    // Newest first, by the clock's created_at.
    expect((await api.get('/keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['k2', 'k']);
    const patched = (await api.patch(`/keys/${first.hash}`, { name: 'renamed' })).body.data;
    expect(patched.updated_at).toBe('2026-01-15T14:00:00.000Z');
  });

  it('resets daily, weekly and monthly usage at UTC midnight, on Mondays and on the 1st', async () => {
    const clock = fixedClock('2026-01-29T12:00:00.000Z'); // Thursday
    const { sb, api } = await sandbox({
      now: clock.now,
      seed: {
        keys: [
          {
            name: 'daily-capped',
            limit: 10,
            limit_reset: 'daily',
            usage: 50,
            usage_daily: 4,
            usage_weekly: 9,
            usage_monthly: 30,
            byok_usage_daily: 1,
            byok_usage_monthly: 2,
          },
        ],
      },
    });
    const read = async () => (await api.get('/keys')).body.data[0];
    expect(await read()).toMatchObject({ usage_daily: 4, usage_weekly: 9, usage_monthly: 30, limit_remaining: 6 });

    clock.advance(11 * 3_600_000 + 59 * 60_000); // 23:59, same day
    expect((await read()).usage_daily).toBe(4);
    clock.advance(60_000); // Friday 00:00
    expect(await read()).toMatchObject({
      usage: 50,
      usage_daily: 0,
      byok_usage_daily: 0,
      usage_weekly: 9,
      usage_monthly: 30,
      limit_remaining: 10,
    });
    clock.advance(3 * 86_400_000); // Monday 2026-02-02: a new week and a new month
    expect(await read()).toMatchObject({ usage: 50, usage_weekly: 0, usage_monthly: 0, byok_usage_monthly: 0 });

    // Figures written out of band count from when they are written.
    const hash = (await read()).hash;
    sb.state.updateKey(hash, { usage_daily: 3 });
    expect(sb.state.key(hash)).toMatchObject({ usage_daily: 3, usage_monthly: 0 });
    clock.advance(86_400_000);
    expect(sb.state.key(hash)?.usage_daily).toBe(0);
  });
});
