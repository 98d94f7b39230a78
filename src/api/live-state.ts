// Reads the whole live organization with the fewest requests the API allows (PRODUCT.md section 5):
// list endpoints only, `limit=100`, never one GET per object — the one exception being a
// workspace default guardrail the lists do not show, on request. Independent reads run at once;
// the client's gate bounds them. Every response is parsed with the loose schemas of schemas.ts.
//
// A read that fails (after the client's retries) rejects the whole read: a missing read must never
// look like a missing object, which the planner would turn into a create (PRODUCT.md section 5).
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { isReservedGuardrailName } from '../core/reserved-names.js';
import type { LiveBudget, LiveGuardrail, LiveKey, LiveState, LiveWorkspace, LiveWorkspaceMember } from '../core/live.js';
import { pathOf, type Requester } from './client.js';
import { ApiError } from './errors.js';
import { DEFAULT_WORKSPACE_LISTS, ORGANIZATION_LISTS } from './list-requests.js';
import { readAllKeys, readCountedList } from './paginate.js';
import {
  GetGuardrailResponse,
  ListGuardrailsResponse,
  ListKeyAssignmentsResponse,
  ListMemberAssignmentsResponse,
  ListModelsResponse,
  ListOrganizationMembersResponse,
  ListWorkspaceBudgetsResponse,
  ListWorkspaceMembersResponse,
  ListWorkspacesResponse,
} from './schemas.js';

export interface ReadLiveStateOptions {
  /**
   * Also read GET /models, to map model slugs to canonical slugs. May be a promise, so that the
   * caller can start reading before it knows (the desired-state file is still being parsed).
   */
  models?: boolean | Promise<boolean>;
  /**
   * Workspaces (by id or slug) whose default guardrail is needed. A default guardrail is
   * "materialized when its configuration is first written" (reference, Workspace.default_guardrail_id);
   * when the workspace's guardrail list does not show it, it is read by id, and a 404 ("the
   * workspace default guardrail has not been configured yet", reference, getGuardrail) means absent.
   * `'all'`: every workspace's (export writes the whole organization).
   */
  defaultGuardrailsFor?: readonly string[] | 'all' | Promise<readonly string[]>;
  /**
   * Keys expected per workspace slug (those the file declares), a hint for reading /keys ahead
   * (paginate.ts); used only if known when a workspace's first page is back.
   */
  expectedKeys?: Promise<Readonly<Record<string, number>>>;
}

interface WorkspaceContents {
  keys: LiveKey[];
  guardrails: LiveGuardrail[];
  members: LiveWorkspaceMember[];
  budgets: LiveBudget[];
  includeByokInBudgets: boolean | undefined;
}

export async function readLiveState(client: Requester, options: ReadLiveStateOptions = {}): Promise<LiveState> {
  const workspacesRead = readCountedList(client, { ...ORGANIZATION_LISTS.workspaces, schema: ListWorkspacesResponse, idOf: (w) => w.id });
  // The default workspace can be read before /workspaces answers: /keys and /guardrails list it
  // when no workspace_id is given, and /workspaces/{id}/budgets takes the slug (README, "Listing").
  // That saves a round trip, the whole read for a one-workspace organization.
  const expectedKeys = { now: settledValue(options.expectedKeys), arrives: options.expectedKeys };
  const early = readDefaultWorkspaceEarly(client, expectedKeys);
  // Started before awaiting the workspaces, so that they overlap with everything else.
  const perWorkspace = workspacesRead.then((workspaces) => {
    return Promise.all(workspaces.map((ws) => readWorkspaceContents(client, ws, options, expectedKeys, ws.slug === DEFAULT_WORKSPACE ? early : undefined)));
  });
  const [workspaces, contents, keyAssignments, memberAssignments, orgMembers, models] = await Promise.all([
    workspacesRead,
    perWorkspace,
    readCountedList(client, { ...ORGANIZATION_LISTS.keyAssignments, schema: ListKeyAssignmentsResponse, idOf: (a) => a.id }),
    readCountedList(client, { ...ORGANIZATION_LISTS.memberAssignments, schema: ListMemberAssignmentsResponse, idOf: (a) => a.id }),
    readCountedList(client, { ...ORGANIZATION_LISTS.orgMembers, schema: ListOrganizationMembersResponse, idOf: (m) => m.id }),
    Promise.resolve(options.models).then((wanted) =>
      wanted
        ? client
            // Not in the trimmed reference; getModels is its operationId in OpenRouter's full description.
            .request({ operation: 'getModels', method: 'GET', path: '/models', responseSchema: ListModelsResponse })
            .then((r) => r.data)
        : undefined,
    ),
  ]);

  const budgetSettings: LiveState['budgetSettings'] = {};
  workspaces.forEach((ws, i) => {
    const flag = contents[i]!.includeByokInBudgets ?? ws.include_byok_in_budgets;
    // Both places are optional in the reference; when neither reports it, it stays unknown rather
    // than guessed.
    if (flag !== undefined) budgetSettings[ws.id] = { include_byok_in_budgets: flag };
  });

  // Apply leases are oradmin's bookkeeping, not the user's guardrails: set apart here, where every
  // command (plan, apply, status, export, the MCP tools) reads the organization.
  const allGuardrails = dedupeById(contents.flatMap((c) => c.guardrails));
  const state: LiveState = {
    workspaces,
    keys: contents.flatMap((c) => c.keys),
    guardrails: allGuardrails.filter((g) => !isReservedGuardrailName(g.name)),
    leases: allGuardrails.filter((g) => isReservedGuardrailName(g.name)),
    budgets: contents.flatMap((c) => c.budgets),
    budgetSettings,
    workspaceMembers: contents.flatMap((c) => c.members),
    keyAssignments,
    memberAssignments,
    orgMembers,
  };
  if (models) state.models = models;
  return state;
}

/** The file's key counts: as far as known when asked (paginate.ts never waits for them), and when they arrive. */
interface KeyHints {
  now: () => Readonly<Record<string, number>> | undefined;
  arrives: Promise<unknown> | undefined;
}

/** The expected key count of a workspace, as far as it is known when asked, and when it may become known. */
function expectedIn(hints: KeyHints, slug: string): { expected: () => number | undefined; hintArrives?: Promise<unknown> } {
  return { expected: () => hints.now()?.[slug], ...(hints.arrives ? { hintArrives: hints.arrives } : {}) };
}

/** A promise's value once it has settled, read synchronously; undefined before, or if it failed. */
function settledValue<T>(p: Promise<T> | undefined): () => T | undefined {
  let value: T | undefined;
  p?.then(
    (v) => (value = v),
    () => undefined,
  );
  return () => value;
}

interface EarlyReads {
  keys: Promise<LiveKey[]>;
  guardrails: Promise<LiveGuardrail[]>;
  budgets: Promise<{ data: LiveBudget[]; include_byok_in_budgets?: boolean | undefined }>;
}

/** The default workspace's keys, guardrails and budgets, asked for without its id. */
function readDefaultWorkspaceEarly(client: Requester, expectedKeys: KeyHints): EarlyReads {
  const early: EarlyReads = {
    keys: readAllKeys(client, { ...DEFAULT_WORKSPACE_LISTS.keys, ...expectedIn(expectedKeys, DEFAULT_WORKSPACE) }),
    guardrails: readCountedList(client, { ...DEFAULT_WORKSPACE_LISTS.guardrails, schema: ListGuardrailsResponse, idOf: (g) => g.id }),
    budgets: client.request({ ...DEFAULT_WORKSPACE_LISTS.budgets, responseSchema: ListWorkspaceBudgetsResponse }),
  };
  // Awaited where the default workspace is read; a failure surfaces there.
  for (const p of Object.values(early)) (p as Promise<unknown>).catch(() => undefined);
  return early;
}

async function readWorkspaceContents(
  client: Requester,
  ws: LiveWorkspace,
  options: ReadLiveStateOptions,
  expectedKeys: KeyHints,
  early: EarlyReads | undefined,
): Promise<WorkspaceContents> {
  const wsAddress = `workspace.${ws.slug}`;
  const workspacePath = (suffix: string) => pathOf(`/workspaces/{id}${suffix}`, { id: ws.id });
  const isDefault = ws.slug === DEFAULT_WORKSPACE;

  const [keys, listedGuardrails, members, budgets] = await Promise.all([
    early?.keys ?? readAllKeys(client, { workspaceId: ws.id, address: wsAddress, ...expectedIn(expectedKeys, ws.slug) }),
    // workspace_id always: without it /guardrails lists the default workspace only (README, "Listing").
    early?.guardrails ??
      readCountedList(client, {
        operation: 'listGuardrails',
        path: '/guardrails',
        query: { workspace_id: ws.id },
        schema: ListGuardrailsResponse,
        idOf: (g) => g.id,
        address: wsAddress,
      }),
    // The default workspace's membership is implicit (README, "Workspaces"): its member list is the
    // whole organization (reference, listWorkspaceMembers), which /organization/members already
    // gives, and members cannot be declared on it. Not read.
    isDefault
      ? Promise.resolve([])
      : readCountedList(client, {
          operation: 'listWorkspaceMembers',
          path: workspacePath('/members'),
          schema: ListWorkspaceMembersResponse,
          idOf: (m) => m.id,
          address: wsAddress,
        }),
    // Not paginated (README, "Listing").
    early?.budgets ??
      client.request({
        operation: 'listWorkspaceBudgets',
        method: 'GET',
        path: workspacePath('/budgets'),
        responseSchema: ListWorkspaceBudgetsResponse,
        address: wsAddress,
      }),
  ]);

  const guardrails: LiveGuardrail[] = listedGuardrails;
  const refs = await options.defaultGuardrailsFor;
  const wanted = refs === 'all' || (refs?.some((ref) => ref === ws.id || ref === ws.slug) ?? false);
  if (wanted && !guardrails.some((g) => g.id === ws.default_guardrail_id)) {
    const dflt = await readDefaultGuardrail(client, ws);
    if (dflt) guardrails.push(dflt);
  }

  return {
    keys,
    guardrails,
    members,
    budgets: budgets.data,
    includeByokInBudgets: budgets.include_byok_in_budgets,
  };
}

async function readDefaultGuardrail(client: Requester, ws: LiveWorkspace): Promise<LiveGuardrail | undefined> {
  try {
    const res = await client.request({
      operation: 'getGuardrail',
      method: 'GET',
      path: pathOf('/guardrails/{id}', { id: ws.default_guardrail_id }),
      responseSchema: GetGuardrailResponse,
      address: `workspace_default_guardrail.${ws.slug}`,
    });
    return res.data;
  } catch (err) {
    // Reference, getGuardrail 404: "the workspace default guardrail has not been configured yet".
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}
