// Export's central properties, on random live organizations (pure: export, validate and plan run
// in-process): the file validates, plan on it changes nothing, and what export leaves out is exactly
// what plan reports as unmanaged (member bindings aside: their members are ignored, since a declared
// list is the complete set) — so a first apply of an exported file is a no-op.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateSources } from '../../src/config/load.js';
import { parseSource } from '../../src/config/source.js';
import type { LiveState } from '../../src/core/live.js';
import { buildPlan } from '../../src/resources/registry.js';
import type { Diagnostic } from '../../src/errors.js';
import { exportOrganization } from '../../src/export/export.js';
import { parsePendingName } from '../../src/resources/key-pending.js';
import { liveOrgArb } from './live-org.arbitrary.js';

const NOW = new Date('2026-11-22T00:00:00Z');

function planExported(yaml: string, live: LiveState) {
  const diagnostics: Diagnostic[] = [];
  const validated = validateSources([parseSource('exported.yaml', yaml, diagnostics)], diagnostics, NOW);
  expect(validated.errors).toEqual([]);
  const loaded = validated.loaded!;
  const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now: NOW });
  expect(result.errors).toEqual([]);
  return result.plan;
}

/** The only operations an exported file may lead to: cleaning up interrupted key creations (key.ts finalize). */
function pendingCleanups(live: LiveState): string[] {
  const slug = (id: string) => live.workspaces.find((w) => w.id === id)!.slug;
  return live.keys.filter((k) => parsePendingName(k.name)).map((k) => `delete key.${slug(k.workspace_id)}/${k.name}`);
}

const addresses = (list: readonly { address: string }[]) => [...new Set(list.map((o) => o.address))].sort();
/** Left out but not reported: member bindings, whose members export puts under ignore.members. */
const reportable = (list: readonly { address: string }[]) => list.filter((o) => !/^(guardrail|workspace)_member\./.test(o.address));

describe('export (properties)', () => {
  it('validates, plans empty, and leaves out exactly what plan then reports as unmanaged', () => {
    fc.assert(
      fc.property(liveOrgArb(true), ({ live }) => {
        const exported = exportOrganization(live, { now: NOW });
        expect(exported.invalid).toEqual([]);
        const plan = planExported(exported.yaml, live);
        expect(plan.operations.map((o) => `${o.action} ${o.address}`)).toEqual(pendingCleanups(live));
        expect(addresses(plan.unmanaged)).toEqual(addresses(reportable(exported.leftOut)));
        expect(exportOrganization(live, { now: NOW }).yaml).toBe(exported.yaml);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('leaves nothing out of an organization without anomalies', () => {
    fc.assert(
      fc.property(liveOrgArb(false), ({ live }) => {
        const exported = exportOrganization(live, { now: NOW });
        expect({ leftOut: exported.leftOut, notes: exported.notes }).toEqual({ leftOut: [], notes: [] });
        const plan = planExported(exported.yaml, live);
        expect({ operations: plan.operations, unmanaged: plan.unmanaged }).toEqual({ operations: [], unmanaged: [] });
        const doc = parse(exported.yaml) as { keys: unknown[]; guardrails: unknown[] };
        const named = live.guardrails.filter((g) => !live.workspaces.some((w) => w.default_guardrail_id === g.id));
        expect([doc.keys.length, doc.guardrails.length]).toEqual([live.keys.length, named.length]);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('--workspace: the chosen workspaces are managed, the others neither reported nor changed', () => {
    fc.assert(
      fc.property(liveOrgArb(true), fc.subarray(['default', 'alpha', 'beta'], { minLength: 1 }), ({ live }, wanted) => {
        const chosen = wanted.filter((s) => live.workspaces.some((w) => w.slug === s));
        fc.pre(chosen.length > 0);
        const exported = exportOrganization(live, { now: NOW, workspaces: chosen });
        expect(exported.invalid).toEqual([]);
        const doc = parse(exported.yaml) as { workspaces: { slug: string }[]; ignore?: { workspaces: string[] } };
        expect(doc.workspaces.map((w) => w.slug).sort()).toEqual([...chosen].sort());
        const others = live.workspaces.map((w) => w.slug).filter((s) => !chosen.includes(s));
        expect(doc.ignore?.workspaces ?? []).toEqual(others.sort());
        const plan = planExported(exported.yaml, live);
        expect(plan.operations.map((o) => `${o.action} ${o.address}`)).toEqual(pendingCleanups(live));
        expect(addresses(plan.unmanaged)).toEqual(addresses(reportable(exported.leftOut)));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
