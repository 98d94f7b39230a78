// Serving the MCP server on the process's stdin and stdout until the client goes away. stdout is the
// protocol's: nothing else may be written to it.
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Host } from './host.js';
import { createServer, type ServerOptions } from './server.js';

export async function serveStdio(host: Host, opts: ServerOptions & { stdin: Readable; stdout: Writable }): Promise<void> {
  const server = createServer(host, opts);
  const closed = new Promise<void>((resolve) => {
    opts.stdin.once('end', resolve);
    opts.stdin.once('close', resolve);
  });
  await server.connect(new StdioServerTransport(opts.stdin, opts.stdout));
  opts.log(`oradmin mcp: serving ${host.file} on stdio${opts.readOnly ? ' (read-only)' : ''}`);
  await closed;
  await server.close();
}
