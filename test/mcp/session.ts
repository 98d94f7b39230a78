// An MCP session with the real `oradmin mcp` process, through the SDK's own client over stdio, as
// Claude Desktop, Claude Code or Cursor would run it. Every result is kept, so that a test can check
// the whole conversation (for instance that no secret ever appeared in it).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { onTestFinished } from 'vitest';
import { BIN } from '../helpers/cli.js';

export interface Session {
  client: Client;
  /** Calls a tool; the result as the server sent it. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Everything the server returned so far, as JSON text. */
  transcript(): string;
  /** What the server wrote to its log (stderr). */
  log(): string;
}

export async function mcpSession(args: string[], env: Record<string, string>, cwd: string): Promise<Session> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', ...args],
    // Minimal on purpose, as for the CLI runs: no inherited credential.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
    cwd,
    stderr: 'pipe',
  });
  let log = '';
  transport.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const client = new Client({ name: 'oradmin-test', version: '0.0.0' });
  await client.connect(transport);
  onTestFinished(() => client.close());
  const seen: string[] = [];
  return {
    client,
    call: async (name, a = {}) => {
      const result = (await client.callTool({ name, arguments: a })) as CallToolResult;
      seen.push(JSON.stringify(result));
      return result;
    },
    transcript: () => seen.join('\n'),
    log: () => log,
  };
}

/** The structured content of a result, typed loosely for assertions. */
export function data(result: CallToolResult): Record<string, any> {
  return (result.structuredContent ?? {}) as Record<string, any>;
}

/** The text parts of a result, joined. */
export function text(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
