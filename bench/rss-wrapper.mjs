// Runs the oradmin CLI in this process and, at exit, reports the process's peak resident set size
// (getrusage ru_maxrss via process.resourceUsage) and its CPU time on stderr, so the bench can measure a real CLI run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The bundle bin/oradmin.js runs (dist/bundle/), through its entry that only exports.
const { run } = await import(path.join(root, 'dist/bundle/main.js'));
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const code = await run(['node', 'oradmin', ...process.argv.slice(2)], io);
const usage = process.resourceUsage();
process.stderr.write(`\nBENCH_MAX_RSS_KB ${usage.maxRSS}\nBENCH_CPU_US ${usage.userCPUTime + usage.systemCPUTime}\n`);
process.exit(code);
