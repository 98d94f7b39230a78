// The key lifecycle as the pure planner sees it (PRODUCT.md section 8): which rotations and
// retirements are due from the live state and the clock alone, what a predecessor is called, what
// `oradmin rotate` selects, and the states an interrupted rotation leaves behind. The end-to-end
// behaviour (the protocol against the sandbox, kills and faults) is in test/rotation/.
import { describe, expect, it } from 'vitest';
import { planJson } from '../../src/core/plan-json.js';
import { NOW, planFor } from '../helpers/plan.js';

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const ROTATING = `version: 1
keys:
  - name: x
    limit: 5
    rotation: { every: 30d, overlap: 2d }
`;
const actions = (r: ReturnType<typeof planFor>) => r.plan.operations.map((o) => `${o.action} ${o.address}`);

describe('key lifecycle planning', () => {
  it('a key older than rotation.every plans one rotate with its reason; a younger one nothing', () => {
    const old = planFor(ROTATING, { keys: [{ name: 'x', limit: 5, created_at: ago(40) }] });
    expect(actions(old)).toEqual(['rotate key.default/x']);
    const op = planJson(old.plan).operations[0]!;
    expect(op).toMatchObject({ effect: 'widens', after: { limit: 5 } });
    expect(op.reason).toBe(`created ${ago(40).replace('.000Z', 'Z')}, 40 days ago; rotation.every is 30d; its predecessor stays valid for 2d, then is deleted`);
    expect(old.plan.summary).toMatchObject({ rotate: 1, retire: 0 });
    expect(actions(planFor(ROTATING, { keys: [{ name: 'x', limit: 5, created_at: ago(29) }] }))).toEqual([]);
  });

  it('the rotation carries the drift of its key (the successor gets the declared settings) and takes over its binding', () => {
    const r = planFor(
      `version: 1
guardrails: [{ name: cap, limit_usd: 1 }]
keys:
  - { name: x, limit: 5, guardrail: cap, rotation: { every: 30d, overlap: 2d } }
`,
      { guardrails: [{ name: 'cap', limit_usd: 1 }, { name: 'old' }], keys: [{ name: 'x', limit: 9, created_at: ago(40), guardrail: 'old' }] },
    );
    expect(actions(r)).toEqual(['rotate key.default/x']);
    expect(r.plan.operations[0]!.changes).toEqual([{ field: 'limit', before: 9, after: 5 }]);
    expect(r.plan.operations[0]!.after).toEqual({ limit: 5, guardrail: 'cap' });
  });

  it('a predecessor is set apart: listed as retiring with its time, never unmanaged, no change, not counted', () => {
    const r = planFor(ROTATING, {
      keys: [
        { name: 'x', limit: 5, created_at: ago(1) },
        { name: 'oradmin-predecessor:2d:delete:x', limit: 5, created_at: ago(31) },
      ],
    });
    expect(r.plan.operations).toEqual([]);
    expect(r.plan.unmanaged).toEqual([]);
    expect(r.plan.retiring).toEqual([
      { address: 'key.default/x~predecessor', kind: 'key', successor: 'key.default/x', retire: 'delete', retires_at: new Date(NOW.getTime() + DAY).toISOString().replace('.000Z', 'Z') },
    ]);
    // --target may name it.
    expect(planFor(ROTATING, { keys: [{ name: 'x', limit: 5, created_at: ago(1) }, { name: 'oradmin-predecessor:2d:delete:x', created_at: ago(31) }] }, { targets: ['key.default/x~predecessor'] }).targetErrors).toEqual([]);
  });

  it('retires a predecessor once the current key is overlap old (delete shows what goes; disable is a change)', () => {
    const keys = (retire: string) => [
      { name: 'x', limit: 5, created_at: ago(3) },
      { name: `oradmin-predecessor:2d:${retire}:x`, limit: 7, created_at: ago(33) },
    ];
    const del = planFor(ROTATING, { keys: keys('delete') });
    expect(actions(del)).toEqual(['retire key.default/x~predecessor']);
    expect(del.plan.operations[0]).toMatchObject({ effect: 'narrows', before: { limit: 7 } });
    expect(del.plan.operations[0]!.reason).toMatch(/^its successor key\.default\/x was created .+, 2d \(the overlap\) or more ago; retire: delete$/);
    expect(del.plan.safety).toEqual({ ok: true, reasons: [] });
    const dis = planFor(ROTATING, { keys: keys('disable') });
    expect(dis.plan.operations[0]!.changes).toEqual([{ field: 'disabled', before: false, after: true }]);
    // A retired (disabled) predecessor stays, and is neither retiring nor a change.
    const retired = planFor(ROTATING, { keys: [{ name: 'x', limit: 5, created_at: ago(3) }, { name: 'oradmin-predecessor:2d:disable:x', created_at: ago(33), disabled: true }] });
    expect(retired.plan.operations).toEqual([]);
    expect(retired.plan.retiring).toEqual([]);
  });

  it('a rotation waits for an earlier predecessor still inside its overlap; rotate <address> refuses it unless --now', () => {
    const spec = { keys: [{ name: 'x', limit: 5, created_at: ago(40) }, { name: 'oradmin-predecessor:30d:delete:x', created_at: ago(80) }] };
    // The earlier predecessor's overlap has passed: it retires, and the key rotates in the same plan.
    expect(actions(planFor(ROTATING, spec))).toEqual(['rotate key.default/x', 'retire key.default/x~predecessor']);
    const young = { keys: [{ name: 'x', limit: 5, created_at: ago(40) }, { name: 'oradmin-predecessor:60d:delete:x', created_at: ago(80) }] };
    expect(actions(planFor(ROTATING, young))).toEqual([]);
    const forced = planFor(ROTATING, young, { lifecycle: { due: false, addresses: ['key.default/x'], now: false } });
    expect(actions(forced)).toEqual(['rotate key.default/x']);
    expect(forced.plan.operations[0]!.blocked).toMatch(/^its predecessor key\.default\/x~predecessor is still valid until .+; rotating again now would leave two old keys valid/);
    const now = planFor(ROTATING, young, { lifecycle: { due: false, addresses: ['key.default/x'], now: true } });
    expect(actions(now)).toEqual(['rotate key.default/x', 'retire key.default/x~predecessor']);
    expect(now.plan.operations.map((o) => o.blocked)).toEqual([undefined, undefined]);
    expect(now.plan.operations[0]!.reason).toContain('its predecessor is deleted as soon as the new secret is delivered');
  });

  it('finishes an interrupted rotation (a predecessor without a current key) and never retires such a predecessor', () => {
    const r = planFor(ROTATING, { keys: [{ name: 'oradmin-predecessor:2d:delete:x', limit: 5, created_at: ago(300) }] });
    expect(actions(r)).toEqual(['rotate key.default/x']);
    expect(r.plan.operations[0]!.reason).toBe('finishes an interrupted rotation: its predecessor key.default/x~predecessor is still valid and has no successor yet');
    expect(r.plan.operations[0]!.exec).toMatchObject({ marked: expect.any(String), overlap_ms: 2 * DAY, retire: 'delete' });
    expect(r.plan.retiring).toEqual([{ address: 'key.default/x~predecessor', kind: 'key', successor: 'key.default/x', retire: 'delete', retires_at: null }]);
    // Undeclared: its successor copies the predecessor's live settings.
    const undeclared = planFor('version: 1\n', { keys: [{ name: 'oradmin-predecessor:1d:delete:y', limit: 3, created_at: ago(300) }] });
    expect(actions(undeclared)).toEqual(['rotate key.default/y']);
    expect(undeclared.plan.operations[0]!.after).toEqual({ limit: 3 });
  });

  it('a predecessor goes with its key: declared absent, or removed as unmanaged', () => {
    const spec = { keys: [{ name: 'x', created_at: ago(1) }, { name: 'oradmin-predecessor:2d:delete:x', created_at: ago(31) }] };
    expect(actions(planFor('version: 1\nkeys:\n  - { name: x, absent: true }\n', spec))).toEqual(['delete key.default/x', 'retire key.default/x~predecessor']);
    expect(actions(planFor('version: 1\nunmanaged: { keys: delete }\n', spec))).toEqual(['delete key.default/x', 'retire key.default/x~predecessor']);
  });

  it('names several predecessors of one key apart by hash, and rotate --due selects lifecycle work only', () => {
    const r = planFor(ROTATING, {
      keys: [
        { name: 'x', limit: 5, created_at: ago(1) },
        { name: 'oradmin-predecessor:2d:delete:x', created_at: ago(31), hash: 'a'.repeat(64) },
        { name: 'oradmin-predecessor:3d:delete:x', created_at: ago(61), hash: 'b'.repeat(64) },
      ],
    });
    expect(r.plan.retiring.map((x) => x.address)).toEqual([`key.default/x~predecessor-${'a'.repeat(12)}`, `key.default/x~predecessor-${'b'.repeat(12)}`]);
    const drifted = `version: 1
keys:
  - { name: x, limit: 5, rotation: { every: 30d, overlap: 2d } }
  - { name: y, limit: 1 }
  - { name: new, limit: 1 }
`;
    const spec = { keys: [{ name: 'x', limit: 5, created_at: ago(40) }, { name: 'y', limit: 2 }, { name: 'rogue' }] };
    expect(actions(planFor(drifted, spec))).toEqual(['create key.default/new', 'rotate key.default/x', 'update key.default/y']);
    const due = planFor(drifted, spec, { lifecycle: { due: true, addresses: [], now: false } });
    expect(actions(due)).toEqual(['rotate key.default/x']);
    expect(due.plan.unmanaged).toEqual([]);
    expect(due.plan.summary).toMatchObject({ create: 0, update: 0, rotate: 1 });
  });

  it('rotate <address> of an undeclared key copies its live settings; an address that names no live key is an error', () => {
    const spec = { guardrails: [{ name: 'cap' }], keys: [{ name: 'u', limit: 4, limit_reset: 'daily', guardrail: 'cap', created_at: ago(2) }] };
    const r = planFor('version: 1\n', spec, { lifecycle: { due: false, addresses: ['key.default/*'], now: true } });
    expect(actions(r)).toEqual(['rotate key.default/u']);
    expect(r.plan.operations[0]!.after).toEqual({ limit: 4, limit_reset: 'daily', guardrail: 'cap' });
    const missing = planFor('version: 1\nkeys: [{ name: later }]\n', spec, { lifecycle: { due: false, addresses: ['key.default/later', 'key.default/nope'], now: false } });
    expect(missing.targetErrors).toEqual([
      'key.default/later: key.default/later is declared but does not exist yet; oradmin apply creates it (with a new secret), there is nothing to rotate',
      'key.default/nope names no live key (rotate takes key addresses such as key.default/ci-bot, globs with * allowed)',
    ]);
  });

  it('a rotation whose successor needs a guardrail the file adds is blocked under rotate (apply does both)', () => {
    const r = planFor(
      'version: 1\nguardrails: [{ name: fresh }]\nkeys:\n  - { name: x, guardrail: fresh, rotation: { every: 30d, overlap: 2d } }\n',
      { keys: [{ name: 'x', created_at: ago(40) }] },
      { lifecycle: { due: true, addresses: [], now: false } },
    );
    expect(actions(r)).toEqual(['rotate key.default/x']);
    expect(r.plan.operations[0]!.blocked).toBe('it needs guardrail.default/fresh first, which oradmin rotate does not do; run oradmin apply, which does both');
  });

  it('expires_in compares with expires_at − created_at: an applied key plans empty, another lifetime replaces it', () => {
    const file = 'version: 1\nkeys:\n  - { name: t, expires_in: 30d }\n';
    const created = ago(10);
    const at = (days: number) => new Date(Date.parse(created) + days * DAY + 20_000).toISOString();
    expect(actions(planFor(file, { keys: [{ name: 't', created_at: created, expires_at: at(30) }] }))).toEqual([]);
    const other = planFor(file, { keys: [{ name: 't', created_at: created, expires_at: at(45) }] });
    expect(actions(other)).toEqual(['replace key.default/t']);
    expect(other.plan.operations[0]!.changes).toEqual([{ field: 'expires_in', before: '45d', after: '30d' }]);
    expect(planFor(file, {}).plan.operations[0]!.after).toEqual({ expires_in: '30d' });
  });

  it('offboarding: an undeclared key whose creator left is reported with why, or disabled or deleted as offboarding.keys says', () => {
    const spec = { members: ['alice@example.com'], keys: [{ name: 'gone', creator_user_id: 'user_carol' }, { name: 'kept', creator_user_id: 'user_alice' }] };
    const why = 'created by user_carol, who is no longer a member of the organization';
    const report = planFor('version: 1\nignore: { keys: [kept] }\n', spec);
    expect(report.plan.unmanaged).toEqual([{ address: 'key.default/gone', kind: 'key', reason: why }]);
    const disable = planFor('version: 1\nignore: { keys: [kept] }\noffboarding: { keys: disable }\n', spec);
    expect(disable.plan.operations.map((o) => [o.action, o.address, o.reason])).toEqual([['disable', 'key.default/gone', why]]);
    expect(disable.plan.unmanaged).toEqual([]);
    // offboarding decides over unmanaged.keys for those keys; ignore: still wins.
    const del = planFor('version: 1\nunmanaged: { keys: ignore }\noffboarding: { keys: delete }\n', spec);
    expect(actions(del)).toEqual(['delete key.default/gone']);
    expect(actions(planFor('version: 1\nignore: { keys: [gone, kept] }\noffboarding: { keys: delete }\n', spec))).toEqual([]);
  });
});
