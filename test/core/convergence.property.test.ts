// The planner's central property: for random desired and live states, applying the plan's
// operations to a model of the organization and planning again gives an empty plan; and planning
// the same inputs twice gives byte-identical output.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/config/source.js';
import { validateSources } from '../../src/config/load.js';
import { buildPlan } from '../../src/resources/registry.js';
import { planJson } from '../../src/core/plan-json.js';
import type { Diagnostic } from '../../src/errors.js';
import { liveState } from '../helpers/live-builder.js';
import { desiredArb, liveArb } from '../helpers/arbitraries.js';
import { applyToModel } from '../helpers/model.js';

const NOW = new Date('2026-11-22T00:00:00Z');

function load(config: unknown) {
  const diags: Diagnostic[] = [];
  const doc = parseSource('org.yaml', stringify(config), diags);
  const result = validateSources([doc], diags, NOW);
  return result.loaded;
}

describe('planner convergence (model)', () => {
  it('plan → apply to the model → plan again is empty; planning is deterministic', () => {
    let checked = 0;
    fc.assert(
      fc.property(desiredArb, liveArb, (config, spec) => {
        const loaded = load(config);
        fc.pre(loaded !== undefined);
        const live = liveState(spec);
        const input = { config: loaded!.config, locate: loaded!.locate, live, now: NOW, options: { allowReplace: true } };
        const first = buildPlan(input);
        expect(first.errors).toEqual([]);
        expect(JSON.stringify(planJson(buildPlan(input).plan))).toBe(JSON.stringify(planJson(first.plan)));
        // Blocked operations make apply refuse; the property is about plans apply would run.
        fc.pre(first.plan.operations.every((o) => !o.blocked));
        const after = applyToModel(live, first.plan.operations);
        const second = buildPlan({ ...input, live: after });
        expect(second.errors).toEqual([]);
        expect(second.plan.operations.map((o) => `${o.action} ${o.address} ${JSON.stringify(o.changes ?? '')}`)).toEqual([]);
        checked++;
      }),
      { numRuns: 400, seed: 20261122 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
