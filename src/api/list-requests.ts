// The shape of every list request the reader sends (the paginator's pages, the reader's lists), and
// the first ones it always sends whatever the file declares. No zod here, on purpose: plan sends
// these first pages (ApiClient.prefetch) before the schemas, the YAML parser and the planner are
// loaded — most of its start-up — and the reader's identical requests then take their answers.
// One definition for both, so that a prefetched page is exactly the page the reader asks for.
import { DEFAULT_WORKSPACE } from '../default-workspace.js';
import type { QueryValue, RequestSpec } from './request-spec.js';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 100;
/** GET /keys answers fixed pages of this size and takes no `limit` (README, "Listing"). */
export const KEYS_PAGE_SIZE = 100;

/** A list that takes `offset` and `limit` and answers `total_count`. */
export interface CountedList {
  operation: string;
  path: string;
  /** Extra query parameters (e.g. `workspace_id`); `offset` and `limit` are the paginator's. */
  query?: Readonly<Record<string, QueryValue>>;
  address?: string;
}

/** One page of a counted list, every page at the maximum size. */
export function countedPage(list: CountedList, offset: number): RequestSpec {
  return {
    operation: list.operation,
    method: 'GET',
    path: list.path,
    query: { ...list.query, offset, limit: PAGE_LIMIT_MAX },
    ...(list.address === undefined ? {} : { address: list.address }),
  };
}

/** One page of GET /keys, disabled keys included; without a workspace id, the default workspace's. */
export function keysPage(options: { workspaceId?: string; address?: string }, offset: number): RequestSpec {
  return {
    operation: 'list',
    method: 'GET',
    path: '/keys',
    query: { offset, ...(options.workspaceId === undefined ? {} : { workspace_id: options.workspaceId }), include_disabled: 'true' },
    ...(options.address === undefined ? {} : { address: options.address }),
  };
}

/** The lists of the whole organization (live-state.ts). */
export const ORGANIZATION_LISTS = {
  workspaces: { operation: 'listWorkspaces', path: '/workspaces' },
  keyAssignments: { operation: 'listKeyAssignments', path: '/guardrails/assignments/keys' },
  memberAssignments: { operation: 'listMemberAssignments', path: '/guardrails/assignments/members' },
  orgMembers: { operation: 'listOrganizationMembers', path: '/organization/members' },
} as const satisfies Record<string, CountedList>;

const DEFAULT_ADDRESS = `workspace.${DEFAULT_WORKSPACE}`;

/**
 * The default workspace's lists, asked for without its id: /keys and /guardrails list it when no
 * workspace_id is given, and /workspaces/{id}/budgets takes the slug (README, "Listing").
 */
export const DEFAULT_WORKSPACE_LISTS = {
  keys: { address: DEFAULT_ADDRESS },
  guardrails: { operation: 'listGuardrails', path: '/guardrails', address: DEFAULT_ADDRESS } satisfies CountedList,
  budgets: {
    operation: 'listWorkspaceBudgets',
    method: 'GET',
    // pathOf's encoding (client.ts) of a slug that has nothing to encode.
    path: `/workspaces/${encodeURIComponent(DEFAULT_WORKSPACE)}/budgets`,
    address: DEFAULT_ADDRESS,
  } satisfies RequestSpec,
} as const;

/** What readLiveState sends first in every organization: one round, whatever the file declares. */
export function firstReads(): RequestSpec[] {
  return [
    countedPage(ORGANIZATION_LISTS.workspaces, 0),
    keysPage(DEFAULT_WORKSPACE_LISTS.keys, 0),
    countedPage(DEFAULT_WORKSPACE_LISTS.guardrails, 0),
    DEFAULT_WORKSPACE_LISTS.budgets,
    countedPage(ORGANIZATION_LISTS.keyAssignments, 0),
    countedPage(ORGANIZATION_LISTS.memberAssignments, 0),
    countedPage(ORGANIZATION_LISTS.orgMembers, 0),
  ];
}
