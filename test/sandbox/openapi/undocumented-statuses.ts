// Statuses the sandbox may answer although the document does not list them for the operation,
// each with the reason. Any other undocumented status fails the response check.
import type { SentResponse } from '../../../src/sandbox/index.js';

export interface StatusAllowance {
  /** Why this answer is right although the document does not list it. */
  reason: string;
  applies: (response: SentResponse) => boolean;
}

export const UNDOCUMENTED_STATUSES: readonly StatusAllowance[] = [
  {
    reason:
      'injected faults and the sandbox rate limit (429, 500, 502, 503) may meet any operation: README "Errors and limits": the API "may also answer 429 elsewhere"; 502/503 are what a proxy in front of it answers',
    applies: (r) => r.injected && [429, 500, 502, 503].includes(r.status),
  },
  {
    reason:
      'a path or query parameter that violates the schema the document gives it is a 400 everywhere; the document lists 400 for some operations only (e.g. not for getGuardrail with a `{id}` that is not a uuid, nor for listWorkspaces with limit=101)',
    applies: (r) =>
      r.status === 400 &&
      /^Invalid (path parameter|query parameters): /.test((r.body as { error?: { message?: string } }).error?.message ?? ''),
  },
  {
    reason:
      "README: a workspace's default guardrail \"is updated with PATCH /guardrails/{id}, never created or deleted\"; the document lists no status for that refusal of deleteGuardrail, and 400 is its status for an invalid request elsewhere",
    applies: (r) => r.operationId === 'deleteGuardrail' && r.status === 400,
  },
  {
    reason: 'a request body over 1 MiB is refused before it is parsed (413), whatever the operation',
    applies: (r) => r.status === 413,
  },
];
