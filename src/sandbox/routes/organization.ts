// Organization-wide reads: members, credits, and the model catalog.
import { MODEL_CATALOG } from '../models.js';
import { ok, type Route } from '../router.js';
import { orgMemberView } from '../state/views.js';
import { pagedList, pagingOf } from './common.js';

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/organization/members',
    operationId: 'listOrganizationMembers',
    handler: (ctx) => ok(pagedList([...ctx.state.db.orgMembers.values()], pagingOf(ctx), orgMemberView)),
  },
  {
    method: 'GET',
    path: '/credits',
    operationId: 'getCredits',
    handler: (ctx) => ok({ data: { ...ctx.state.credits } }),
  },
  {
    method: 'GET',
    path: '/models',
    // Not in the trimmed reference; this is the operationId of OpenRouter's full API description.
    operationId: 'getModels',
    public: true,
    handler: () => ok({ data: MODEL_CATALOG.map((m) => ({ ...m })) }),
  },
];
