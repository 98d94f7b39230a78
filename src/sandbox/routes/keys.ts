// /keys and /key: API keys and the key of the current session.
import { badRequest } from '../api-error.js';
import { maskSecret, SECRET_PREFIX } from '../ids.js';
import { created, ok, type Route, type RouteContext } from '../router.js';
import { deleteKey, insertKey, keysOf, requireKey, updateKey } from '../state/keys.js';
import { page } from '../state/paging.js';
import { keyView } from '../state/views.js';
import type { CreateKeyBody, ListKeysQuery, UpdateKeyBody } from '../wire/requests.js';
import { workspaceFilter } from './common.js';

/** GET /keys answers fixed pages of this size and takes no `limit` (README, "Listing"). */
const KEYS_PAGE_SIZE = 100;

export const keyRoutes: Route[] = [
  {
    method: 'GET',
    path: '/keys',
    operationId: 'list',
    // README: a fixed page of 100, newest first, default workspace unless workspace_id,
    // disabled keys only with include_disabled=true, no total_count.
    handler: (ctx) => {
      const q = ctx.query as ListKeysQuery;
      const ws = workspaceFilter(ctx, q.workspace_id);
      const all = keysOf(ctx.state, ws.id);
      const keys = q.include_disabled === 'true' ? all : all.filter((k) => !k.disabled);
      return ok({ data: page(keys, q.offset ?? 0, KEYS_PAGE_SIZE).map((k) => keyView(k, ctx.state.now())) });
    },
  },
  {
    method: 'POST',
    path: '/keys',
    operationId: 'createKeys',
    handler: (ctx) => {
      const body = ctx.body as CreateKeyBody;
      // README: expires_at "must be UTC (…Z) and in the future"; the reference says "Must be UTC,
      // other timezones will be rejected". Its schema (format: date-time) allows any offset, so
      // both checks are the sandbox's, beyond the schema.
      if (body.expires_at != null) {
        if (!/(?:Z|z)$/.test(body.expires_at)) {
          throw badRequest(`Invalid request body: expires_at: must be an ISO 8601 UTC timestamp ending in "Z"`);
        }
        if (Date.parse(body.expires_at) <= ctx.state.now().getTime()) {
          throw badRequest(`expires_at: ${body.expires_at} is not in the future`);
        }
      }
      const { record, secret } = insertKey(ctx.state, {
        ...body,
        workspace_id: body.workspace_id ?? ctx.state.defaultWorkspaceId,
      });
      // The secret is in this response only (README: "only in that response, never again").
      return created({ data: keyView(record, ctx.state.now()), key: secret });
    },
  },
  {
    method: 'GET',
    path: '/keys/:hash',
    operationId: 'getKey',
    handler: (ctx) => ok({ data: keyView(requireKey(ctx.state, hashParam(ctx)), ctx.state.now()) }),
  },
  {
    method: 'PATCH',
    path: '/keys/:hash',
    operationId: 'updateKeys',
    handler: (ctx) => {
      const hash = hashParam(ctx);
      requireKey(ctx.state, hash);
      return ok({ data: keyView(updateKey(ctx.state, hash, ctx.body as UpdateKeyBody), ctx.state.now()) });
    },
  },
  {
    method: 'DELETE',
    path: '/keys/:hash',
    operationId: 'deleteKeys',
    handler: (ctx) => {
      deleteKey(ctx.state, hashParam(ctx));
      return ok({ deleted: true });
    },
  },
  {
    method: 'GET',
    path: '/key',
    operationId: 'getCurrentKey',
    handler: (ctx) => ok({ data: currentKey(ctx) }),
  },
];

function hashParam(ctx: RouteContext): string {
  return ctx.params.hash ?? '';
}

/** The management key as GET /key describes it: no limit, no usage, owned by the first admin. */
function currentKey(ctx: RouteContext): Record<string, unknown> {
  const st = ctx.state;
  return {
    label: ctx.managementKey.startsWith(SECRET_PREFIX) ? maskSecret(ctx.managementKey) : `${SECRET_PREFIX}***`,
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    include_byok_in_limit: false,
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    is_free_tier: false,
    is_management_key: true,
    is_provisioning_key: true,
    creator_user_id: st.ownerId,
    expires_at: null,
    // Reference: "Legacy rate limit information about a key. Will always return -1."
    rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
    // Not in the reference; required by @openrouter/sdk 1.3.x (newer than the reference).
    organization_id: st.organizationId,
    workspace_id: null,
    allowed_data_regions: ['global'],
    free_model_daily_requests: { limit: 0, remaining: 0, used: 0 },
  };
}
