// Runs the oradmin CLI in this process and, at exit, reports the process's peak resident set size
// (getrusage ru_maxrss via process.resourceUsage) and its CPU time on stderr, so the bench can measure a real CLI run.
import { loadCli } from '../bin/cli-loader.js';

// The build bin/oradmin.js runs for these arguments, chosen the same way (bin/cli-loader.js).
const { cli } = await loadCli(process.argv.slice(2));
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const code = await cli.run(['node', 'oradmin', ...process.argv.slice(2)], io);
const usage = process.resourceUsage();
process.stderr.write(`\nBENCH_MAX_RSS_KB ${usage.maxRSS}\nBENCH_CPU_US ${usage.userCPUTime + usage.systemCPUTime}\n`);
process.exit(code);
