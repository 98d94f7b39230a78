// What the sandbox and this machine allow any client at best: the fewest reads a plan needs, every
// one known ahead (no waiting for a first page to learn what follows), 8 in flight, each answer read
// and JSON-parsed — no checks, no planner, no file. The plan's floor (run.mjs) counts the rounds'
// latency only, as if the server and the loopback cost nothing; this measures what they do cost.
// `node bench/bare-reads.mjs <requests.json>` with OPENROUTER_API_URL and OPENROUTER_MANAGEMENT_KEY
// set; prints {"ms": …, "requests": …}: from the first request to the last answer, start-up excluded.
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';

const paths = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = new URL(process.env.OPENROUTER_API_URL);
const pool = new Pool(base.origin, { connections: 8 });
const headers = { authorization: `Bearer ${process.env.OPENROUTER_MANAGEMENT_KEY}`, accept: 'application/json' };
let next = 0;
const lane = async () => {
  while (next < paths.length) {
    const res = await pool.request({ method: 'GET', path: base.pathname.replace(/\/+$/, '') + paths[next++], headers });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${text.slice(0, 200)}`);
    JSON.parse(text);
  }
};
const t0 = performance.now();
await Promise.all(Array.from({ length: 8 }, lane));
const ms = performance.now() - t0;
await pool.destroy();
process.stdout.write(`${JSON.stringify({ ms, requests: paths.length })}\n`);
