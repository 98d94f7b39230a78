// Planning in-process: a desired file (YAML text) against a live state built by live-builder.ts.
import { parseSource } from '../../src/config/source.js';
import { validateSources } from '../../src/config/load.js';
import { buildPlan } from '../../src/resources/registry.js';
import type { Diagnostic } from '../../src/errors.js';
import { liveState, type LiveSpec } from './live-builder.js';

export const NOW = new Date('2026-11-22T00:00:00Z');

export function planFor(yaml: string, spec: LiveSpec, options = {}) {
  const diags: Diagnostic[] = [];
  const doc = parseSource('org.yaml', yaml, diags);
  const result = validateSources([doc], diags, NOW);
  if (!result.loaded) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return buildPlan({ config: result.loaded.config, locate: result.loaded.locate, live: liveState(spec), now: NOW, options });
}

