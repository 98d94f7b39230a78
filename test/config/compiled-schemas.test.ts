// The schemas built with zod's compilation on (zod-setup.ts `compiled`: the objects parsed by the
// thousand) must accept, return and reject exactly what the same schemas do jitless. A schema's
// clone is built again under the global setting — jitless — so each is compared with its clone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { KeyAssignment, KeyObject } from '../../src/api/schemas.js';
import { KeyDeclSchema } from '../../src/config/schema.js';
import { compiled } from '../../src/zod-setup.js';

const anyValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', 'x', 'daily', 'monthly', '2027-06-30T00:00:00Z', '30d', 'not-a-date'),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('every', 'overlap', 'retire', 'x'), fc.oneof(fc.string({ maxLength: 4 }), fc.constant('7d'), fc.constant('delete'))),
);

/** Objects with some of the schema's own fields (any values) and now and then one it does not know. */
function near(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...fields), anyValue), fc.option(fc.tuple(fc.constantFrom('extra', '__proto__x', 'hash2'), anyValue), { nil: undefined }))
    .map(([known, extra]) => (extra ? { ...known, [extra[0]]: extra[1] } : known));
}

/** A valid object from `valid`, with one field changed (or removed) now and then. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.constantFrom(...Object.keys(valid)), anyValue, fc.boolean()).map(([field, value, change]) => (change ? { ...valid, [field]: value } : { ...valid }));
}

function sameVerdicts(schema: z.ZodType, inputs: fc.Arbitrary<unknown>): void {
  const twin = schema.clone();
  fc.assert(
    fc.property(inputs, (input) => {
      const a = schema.safeParse(input);
      const b = twin.safeParse(input);
      expect(a.success).toBe(b.success);
      if (a.success && b.success) expect(a.data).toStrictEqual(b.data);
      else expect(a.error!.issues).toEqual(b.error!.issues);
    }),
    { numRuns: 3000 },
  );
}

const KEY = {
  hash: 'h'.repeat(64), name: 'ci', label: 'sk-or-v1-abc...xyz', disabled: false, limit: 10, limit_remaining: 4, limit_reset: 'monthly',
  include_byok_in_limit: false, usage: 1, usage_daily: 0, usage_weekly: 0, usage_monthly: 1, byok_usage: 0, byok_usage_daily: 0,
  byok_usage_weekly: 0, byok_usage_monthly: 0, created_at: '2026-01-01T00:00:00Z', updated_at: null, expires_at: null, creator_user_id: null,
  workspace_id: 'w',
};
const ASSIGNMENT = { id: 'a', key_hash: 'h', guardrail_id: 'g', key_name: 'ci', key_label: 'l', assigned_by: null, created_at: '2026-01-01T00:00:00Z' };
const DECL = { name: 'ci', workspace: 'default', limit: 10, limit_reset: 'monthly', expires_in: '30d', rotation: { every: '30d', overlap: '1d' }, guardrail: 'g', disabled: false };

describe('schemas compiled for speed', () => {
  it('answer as their jitless twins: the API key object', () => {
    sameVerdicts(KeyObject, fc.oneof(near(Object.keys(KEY)), mutated(KEY), anyValue));
  });

  it('answer as their jitless twins: the key assignment', () => {
    sameVerdicts(KeyAssignment, fc.oneof(near(Object.keys(ASSIGNMENT)), mutated(ASSIGNMENT), anyValue));
  });

  it('answer as their jitless twins: a declared key, unknown fields refused', () => {
    const fields = [...Object.keys(DECL), 'expires_at', 'include_byok_in_limit', 'creator_user_id', 'allow_replace', 'absent'];
    sameVerdicts(KeyDeclSchema, fc.oneof(near(fields), mutated(DECL), anyValue));
  });

  it('compiles what it builds, and leaves zod jitless for every other schema', () => {
    // zod compiles an object schema with `new Function` on its first parse: counted here.
    const real = globalThis.Function;
    let compilations = 0;
    globalThis.Function = new Proxy(real, {
      construct(target, args) {
        compilations++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const fast = compiled(() => z.looseObject({ a: z.string(), b: z.number().nullable() }));
      const slow = z.looseObject({ a: z.string(), b: z.number().nullable() });
      expect(slow.safeParse({ a: 'x', b: null }).success).toBe(true);
      expect(compilations).toBe(0);
      expect(fast.safeParse({ a: 'x', b: null }).success).toBe(true);
      expect(compilations).toBeGreaterThan(0);
    } finally {
      globalThis.Function = real;
    }
    expect(z.config().jitless).toBe(true);
    expect(() =>
      compiled(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(z.config().jitless).toBe(true);
  });
});
