// GET /activity (reference, getUserActivity): seeded raw rows, filtered and aggregated by
// state/activity.ts, over the last 30 completed UTC days of the sandbox's clock.
import * as z from 'zod';
import { ApiError, badRequest } from '../api-error.js';
import { ok, type Route } from '../router.js';
import { activityWindow, aggregateActivity, isCalendarDate } from '../state/activity.js';
import { parseQuery } from '../validate.js';

const ActivityQuery = z.strictObject({
  date: z.string().optional(),
  api_key_hash: z.string().optional(),
  user_id: z.string().optional(),
  workspace_id: z.string().optional(),
  group_by: z.enum(['workspace']).optional(),
});

export const activityRoutes: Route[] = [
  {
    method: 'GET',
    path: '/activity',
    operationId: 'getUserActivity',
    handler: (ctx) => {
      const q = parseQuery(ActivityQuery, ctx.query);
      const window = activityWindow(ctx.state.now());
      if (q.date !== undefined) {
        if (!isCalendarDate(q.date)) throw badRequest(`date: "${q.date}" is not a date in YYYY-MM-DD format`);
        // Reference: "Filter by a single UTC date in the last 30 days"; 400 is its answer to
        // "Invalid request parameters".
        if (q.date < window.first || q.date > window.last) {
          throw badRequest(
            `date: ${q.date} is not one of the last 30 completed UTC days (${window.first} to ${window.last})`,
          );
        }
      }
      // Reference: "The workspace must belong to the authenticated account." Of its 4xx answers,
      // 404 ("Resource does not exist") is the one that fits a workspace id the account does not
      // have; the sandbox has one account, so an id of no workspace at all is that case. A former
      // workspace's id is answered the same way, although its rows may still be in the data.
      // Chosen to match the workspace_id filter of /keys and /guardrails here.
      if (q.workspace_id !== undefined && !ctx.state.db.workspaces.has(q.workspace_id)) {
        throw new ApiError(404, `Workspace ${q.workspace_id} not found`);
      }
      const data = aggregateActivity(
        ctx.state.db.activity,
        { ...q, byWorkspace: q.group_by === 'workspace' },
        window,
      );
      return ok({ data });
    },
  },
];
