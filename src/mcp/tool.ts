// One shape for every tool: a name an assistant can guess, a description with an example, a strict
// zod input schema (a misspelt argument is an error, not silently dropped), annotations that tell
// the client what the tool touches, and one place that turns every failure into a tool error.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { OradminError } from '../errors.js';
import { YamlEditError } from '../edit/yaml-text.js';
import { errorResult } from './results.js';

export interface ToolSpec<S extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: S;
  /** Read tools change nothing; propose tools edit the desired-state file (never the organization). */
  effect: 'read' | 'propose';
  /** Whether the tool reads the live organization (needs the management key). */
  online: boolean;
  run(args: z.output<S>): Promise<CallToolResult>;
}

export type AnyToolSpec = ToolSpec<z.ZodObject>;

export function defineTool<S extends z.ZodObject>(spec: ToolSpec<S>): ToolSpec<S> {
  return spec;
}

export function registerTool(server: McpServer, spec: AnyToolSpec, log: (line: string) => void): void {
  server.registerTool(
    spec.name,
    {
      title: spec.title,
      description: spec.description,
      inputSchema: spec.input,
      annotations: {
        title: spec.title,
        readOnlyHint: spec.effect === 'read',
        // A proposal rewrites a reviewed file; nothing is deleted from the organization.
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: spec.online,
      },
    },
    async (args: unknown) => {
      try {
        return await spec.run(args as never);
      } catch (err) {
        if (!(err instanceof OradminError) && !(err instanceof YamlEditError)) {
          log(`internal error in tool ${spec.name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        }
        return errorResult(err);
      }
    },
  );
}
