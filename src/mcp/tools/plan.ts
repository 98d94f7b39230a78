// plan: `oradmin plan -o json` — the same document, from the same buildPlan result and the same
// printer — plus the markdown rendering a pull request would show.
import * as z from 'zod';
import { planFile, type Host } from '../host.js';
import { ok } from '../results.js';
import { defineTool } from '../tool.js';

export function planTool(host: Host) {
  return defineTool({
    name: 'plan',
    title: 'Plan the desired-state file against the organization',
    description:
      `Read the live OpenRouter organization and compute what \`oradmin apply\` would change to make it match ${host.file}, ` +
      'exactly as `oradmin plan -o json` does (same requests, same document). Nothing is changed. Returns `plan` ' +
      '({format_version, summary, operations[{address, kind, action, after|changes, reason, blocked}], unmanaged, safety, checksum}) ' +
      'and `markdown`, the rendering for a pull request. Optional `target` narrows it like `--target`, e.g. ' +
      '["key.default/ci-bot", "guardrail.research/*"].',
    input: z.strictObject({
      target: z
        .array(z.string().min(1))
        .optional()
        .describe('Addresses (globs with * allowed) to plan alone, with what they depend on, e.g. ["key.default/ci-bot"].'),
    }),
    effect: 'read',
    online: true,
    run: async ({ target }) => {
      const planned = await planFile(host, target ?? []);
      return ok({ plan: planned.document, markdown: planned.markdown, warnings: planned.warnings }, [planned.markdown], ['markdown']);
    },
  });
}
