// list_objects: rows of one kind, filtered (see ../list.ts).
import * as z from 'zod';
import { KEY_FLAGS } from '../../status/report.js';
import { planFile, type Host } from '../host.js';
import { LIST_KINDS, LIST_STATES, listObjects } from '../list.js';
import { ok } from '../results.js';
import { defineTool } from '../tool.js';

export function listTool(host: Host) {
  return defineTool({
    name: 'list_objects',
    title: 'List keys, guardrails, workspaces or members',
    description:
      'One row per key, guardrail or workspace that the desired-state file declares or the organization holds, or per ' +
      'organization member. Each row has its address, where it is declared (file:line:col, or null), whether it is live, ' +
      'the plan\'s pending operations on it, and a summary (keys: limit, usage, flags, guardrail; guardrails: limit and ' +
      'binding counts; workspaces: budgets, member and key counts; members: workspaces and guardrails). Makes the same ' +
      'requests as `plan`. Example: {"kind": "key", "workspace": "research", "flag": "near-limit"} or ' +
      '{"kind": "guardrail", "state": "undeclared"}.',
    input: z.strictObject({
      kind: z.enum(LIST_KINDS).describe('What to list: key, guardrail, workspace, or member (organization members).'),
      workspace: z.string().min(1).optional().describe('Only this workspace (slug), e.g. "default".'),
      name: z.string().min(1).optional().describe('Only names (members: e-mails) matching this glob, e.g. "ci-*".'),
      state: z
        .enum(LIST_STATES)
        .optional()
        .describe(
          'Only objects that are: declared (in the file), undeclared (live only), missing (declared, not live), ' +
            'pending (the plan changes them), unmanaged (the plan reports them). Not for members.',
        ),
      flag: z.enum(KEY_FLAGS).optional().describe('Keys only: only keys with this status flag.'),
      max_results: z.number().int().min(1).max(1000).optional().describe('At most this many rows (default 200).'),
    }),
    effect: 'read',
    online: true,
    run: async (args) => {
      const planned = await planFile(host);
      const out = listObjects(
        planned,
        {
          kind: args.kind,
          maxResults: args.max_results ?? 200,
          ...(args.workspace !== undefined ? { workspace: args.workspace } : {}),
          ...(args.name !== undefined ? { name: args.name } : {}),
          ...(args.state !== undefined ? { state: args.state } : {}),
          ...(args.flag !== undefined ? { flag: args.flag } : {}),
        },
        host.now(),
      );
      return ok({ ...out, warnings: planned.warnings });
    },
  });
}
