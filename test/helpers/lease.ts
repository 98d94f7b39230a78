// The apply lease in tests: an apply that refuses "before any write" still took and gave back the
// organization's lease — one guardrail created and deleted, nothing else — and leaves no lease.
import { expect } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { Org } from './org.js';

/** The writes of one uncontended lease: POST /guardrails, DELETE /guardrails/{id}. */
export const LEASE_WRITES = { createGuardrail: 1, deleteGuardrail: 1 } as const;

export function leasesIn(sb: Sandbox) {
  return sb.state.guardrailsIn('default').filter((g) => (g.name ?? '').startsWith('oradmin-lease:'));
}

/** Nothing but the lease was written, and the lease is gone again. */
export function expectOnlyLeaseWrites(o: Org, runs = 1): void {
  expect(o.writes()).toEqual({ createGuardrail: runs, deleteGuardrail: runs });
  expect(leasesIn(o.sb), 'the lease was released').toEqual([]);
}
