// status: `oradmin status -o json` — the same document, plus its markdown rendering.
import * as z from 'zod';
import { renderStatusMarkdown } from '../../status/render.js';
import type { Host } from '../host.js';
import { ok } from '../results.js';
import { defineTool } from '../tool.js';

export function statusTool(host: Host) {
  return defineTool({
    name: 'status',
    title: 'Spend and risk of the organization',
    description:
      'Read-only report of the live organization, as `oradmin status -o json`: credits (total, used, remaining); every ' +
      'key per workspace with its usage against its limit for the reset period, expiry, guardrail and flags ' +
      '(limit-reached, near-limit, expired, expiring, disabled, never-used); guardrails with their keys and members; ' +
      `keys an interrupted apply left; and the live objects ${host.file} does not declare. Use it for "what is close to its ` +
      'limit", "which keys expire soon", "what is not in the file". Example: {} (it takes no arguments).',
    input: z.strictObject({}),
    effect: 'read',
    online: true,
    run: async () => {
      const { report, warnings } = await host.status();
      const markdown = renderStatusMarkdown(report);
      return ok({ status: report, markdown, warnings }, [markdown], ['markdown']);
    },
  });
}
