// explain: one object, everything known about it (see ../explain.ts).
import * as z from 'zod';
import { ADDRESS_FORMS } from '../../edit/address.js';
import { explain } from '../explain.js';
import { planFile, type Host } from '../host.js';
import { failure, ok } from '../results.js';
import { terminalText } from '../../untrusted.js';
import { defineTool } from '../tool.js';

export function explainTool(host: Host) {
  return defineTool({
    name: 'explain',
    title: 'Explain one object',
    description:
      'Everything about one object, by its oradmin address: where the desired-state file declares it (file, line, col ' +
      'and the declared value), its live values in the organization, what it is bound to (a key\'s guardrail; a ' +
      "guardrail's keys and members; a workspace's members, budgets, default guardrail and keys), a key's usage " +
      'against its limit with flags, and the operations the plan would apply to it. Makes the same requests as `plan`. ' +
      `Addresses: ${ADDRESS_FORMS}. Example: {"address": "key.default/ci-bot"}.`,
    input: z.strictObject({
      address: z.string().min(1).describe('An oradmin address, e.g. "key.default/ci-bot", "guardrail.research/frontier-only", "workspace.research".'),
    }),
    effect: 'read',
    online: true,
    run: async ({ address }) => {
      const planned = await planFile(host);
      const out = explain(address, planned, host.now());
      if ('error' in out && typeof out.error === 'string') return failure(terminalText(out.error));
      return ok({ ...out, warnings: planned.warnings });
    },
  });
}
