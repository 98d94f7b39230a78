// What the one script (dist/bundle/oradmin.cjs) has in place of the sandbox and the MCP server,
// which bin/cli-loader.js runs from the chunks: reached only if that routing is broken.
throw new Error('this command runs from the ES-module chunks, not the one-script build (bin/cli-loader.js)');
