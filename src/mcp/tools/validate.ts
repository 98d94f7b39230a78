// validate: `oradmin validate` — offline, no credential, every finding at its file:line:col.
import * as z from 'zod';
import { validateFile } from '../../config/load.js';
import type { Host } from '../host.js';
import { diagnosticJson, diagnosticLines, ok } from '../results.js';
import { defineTool } from '../tool.js';

export function validateTool(host: Host) {
  return defineTool({
    name: 'validate',
    title: 'Validate the desired-state file',
    description:
      `Check the desired-state file (${host.file}) offline, as \`oradmin validate\` does: YAML syntax, schema, ` +
      'cross-references (a key\'s guardrail, duplicate names) and policy rules. Needs no credential and reads nothing from ' +
      'OpenRouter. Returns {valid, errors, warnings}; each finding has file, line, col and a message that says what is ' +
      'wrong and what would be right, e.g. `openrouter.admin.yaml:14:5: unknown field "limt" in keys[2]; did you mean "limit"?`. ' +
      'Example: {} (it takes no arguments).',
    input: z.strictObject({}),
    effect: 'read',
    online: false,
    run: async () => {
      const result = await validateFile(host.file, host.now());
      const valid = result.errors.length === 0;
      const c = result.loaded?.config;
      const summary = valid
        ? `${host.file} is valid: ${c?.workspaces?.length ?? 0} workspaces, ${c?.guardrails?.length ?? 0} guardrails, ${c?.keys?.length ?? 0} keys`
        : `${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${host.file}`;
      const lines = diagnosticLines(result.errors, result.warnings);
      return ok(
        { valid, file: host.file, errors: result.errors.map(diagnosticJson), warnings: result.warnings.map(diagnosticJson) },
        [lines ? `${summary}\n${lines}` : summary],
      );
    },
  });
}
