// Runs the oradmin CLI in this process and, at exit, reports the process's peak resident set size
// (getrusage ru_maxrss via process.resourceUsage) on stderr, so the bench can measure a real CLI run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { run } = await import(path.join(root, 'dist/cli/main.js'));
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const code = await run(['node', 'oradmin', ...process.argv.slice(2)], io);
process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
process.exit(code);
