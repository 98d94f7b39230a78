// Runs the oradmin CLI in this process and, at exit, reports the process's peak resident set size
// (getrusage ru_maxrss via process.resourceUsage) and its CPU time on stderr, so the bench can measure a real CLI run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The bundle bin/oradmin.js runs (dist/bundle/), loaded without running its main.
process.env.ORADMIN_BUNDLE_NO_MAIN = '1';
const { run } = await import(path.join(root, 'dist/bundle/oradmin.js'));
delete process.env.ORADMIN_BUNDLE_NO_MAIN;
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const code = await run(['node', 'oradmin', ...process.argv.slice(2)], io);
const usage = process.resourceUsage();
process.stderr.write(`\nBENCH_MAX_RSS_KB ${usage.maxRSS}\nBENCH_CPU_US ${usage.userCPUTime + usage.systemCPUTime}\n`);
process.exit(code);
