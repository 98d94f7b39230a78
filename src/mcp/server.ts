// The MCP server of `oradmin mcp` (PRODUCT.md section 10): read tools that make the same requests as
// their commands, and propose tools that edit the reviewed desired-state file. There is no tool that
// applies, rotates, deletes in the organization or shows a secret, and the client it reads with is
// only ever asked for GETs (the plan and status reads).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { VERSION } from '../version.js';
import type { Host } from './host.js';
import { Proposer } from './propose.js';
import { registerTool, type AnyToolSpec } from './tool.js';
import { explainTool } from './tools/explain.js';
import { listTool } from './tools/list.js';
import { planTool } from './tools/plan.js';
import { proposeBindingTool, proposeUnbindingTool } from './tools/propose-binding.js';
import { proposeGuardrailRemovalTool, proposeGuardrailTool } from './tools/propose-guardrail.js';
import { proposeKeyRemovalTool, proposeKeyTool } from './tools/propose-key.js';
import { proposeWorkspaceTool } from './tools/propose-workspace.js';
import { statusTool } from './tools/status.js';
import { activityTool } from './tools/activity.js';
import { validateTool } from './tools/validate.js';

export interface ServerOptions {
  /** `--read-only`: the read tools only. */
  readOnly: boolean;
  /** The server's log (stderr): internal errors with their stack. */
  log: (line: string) => void;
}

export function readTools(host: Host): AnyToolSpec[] {
  return [statusTool(host), activityTool(host), planTool(host), validateTool(host), explainTool(host), listTool(host)] as AnyToolSpec[];
}

export function proposeTools(host: Host): AnyToolSpec[] {
  const proposer = new Proposer(host);
  return [
    proposeKeyTool(proposer),
    proposeKeyRemovalTool(proposer),
    proposeGuardrailTool(proposer),
    proposeGuardrailRemovalTool(proposer),
    proposeBindingTool(proposer),
    proposeUnbindingTool(proposer),
    proposeWorkspaceTool(proposer),
  ] as AnyToolSpec[];
}

export function createServer(host: Host, opts: ServerOptions): McpServer {
  const server = new McpServer({ name: 'oradmin', version: VERSION }, { instructions: instructions(host, opts.readOnly) });
  const tools = [...readTools(host), ...(opts.readOnly ? [] : proposeTools(host))];
  for (const tool of tools) registerTool(server, tool, opts.log);
  return server;
}

function instructions(host: Host, readOnly: boolean): string {
  return [
    `oradmin manages an OpenRouter organization as code: the desired-state file ${host.file} declares its API keys, ` +
      'limits, guardrails, bindings and workspaces, and `oradmin apply`, run by a person after review, makes the ' +
      'organization match it.',
    'Read tools: status (spend, usage against limits, expiring keys, unmanaged objects, forecasts), activity (what was ' +
      'spent in the last 30 days, by model, provider, day, workspace, endpoint or key), plan (what apply would change), ' +
      'validate (offline checks of the file), explain (one object by address, e.g. key.default/ci-bot), list_objects.',
    readOnly
      ? 'This server is read-only: it proposes no edits.'
      : 'Propose tools (propose_*) edit the file only — never the organization — after validating the edit, and return ' +
        'the diff and the plan for a person to review and apply. Nothing here creates keys, reveals secrets, rotates or deletes live objects.',
  ].join('\n');
}
