// activity: `oradmin activity -o json` — the same versioned document, plus its markdown rendering.
import * as z from 'zod';
import { renderActivityJson } from '../../activity/json.js';
import { renderActivityMarkdown } from '../../activity/render-markdown.js';
import { DIMENSIONS } from '../../activity/report.js';
import type { Host } from '../host.js';
import { ok } from '../results.js';
import { defineTool } from '../tool.js';

export function activityTool(host: Host) {
  return defineTool({
    name: 'activity',
    title: 'Spend and usage of the last 30 days',
    description:
      'Read-only report of what the organization spent, as `oradmin activity -o json`: totals (USD of credits, BYOK ' +
      'spend, requests, tokens) over the last 30 completed UTC days or fewer, rows ranked by spend with their share, ' +
      'and the spend of every day. Rows are by model (default), provider, day, workspace, endpoint, or key (keys ' +
      'ranked by their own usage counters: today, this week, this month). Filters narrow the activity to one ' +
      'workspace, key or member. Use it for "what burned our credits this week", "which model costs most", "what ' +
      'did key.default/ci-bot spend". Example: {"by": "workspace", "days": 7} or {"key": "key.default/ci-bot", "by": "day"}.',
    input: z.strictObject({
      by: z.enum(DIMENSIONS).optional().describe('What the rows are (default model).'),
      days: z.number().int().min(1).max(30).optional().describe('Only the last n completed UTC days (default 30). Not with date, nor with by "key".'),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('Only this UTC day (YYYY-MM-DD), one of the last 30 completed ones.'),
      workspace: z.string().min(1).optional().describe('Only this workspace (slug), e.g. "research".'),
      key: z.string().min(1).optional().describe('Only this key, by address, e.g. "key.default/ci-bot".'),
      member: z.string().min(1).optional().describe("Only this organization member's activity (e-mail)."),
      top: z.number().int().min(1).optional().describe('Only the n rows that spent most; the rest are summed in one row.'),
    }),
    effect: 'read',
    online: true,
    run: async (args) => {
      // The command's own option checks: one set of rules and messages for both.
      const report = await host.activity({
        by: args.by ?? 'model',
        ...(args.days !== undefined ? { days: String(args.days) } : {}),
        ...(args.date !== undefined ? { date: args.date } : {}),
        ...(args.workspace !== undefined ? { workspace: args.workspace } : {}),
        ...(args.key !== undefined ? { key: args.key } : {}),
        ...(args.member !== undefined ? { member: args.member } : {}),
        ...(args.top !== undefined ? { top: String(args.top) } : {}),
      });
      const markdown = renderActivityMarkdown(report);
      return ok({ activity: JSON.parse(renderActivityJson(report)) as unknown, markdown }, [markdown], ['markdown']);
    },
  });
}
