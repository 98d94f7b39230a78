#!/usr/bin/env node
// `npm run bench`: the performance targets of PRODUCT.md section 5, measured against the sandbox
// with 50 ms of latency per request. Not part of `npm test` (it takes minutes and measures time).
// Results: a table on stdout and bench/results.json (with the machine it ran on).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOrg, minimumReadPaths, minimumReads } from './generate.mjs';
import { naiveRead } from './naive.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', p);
const { startSandbox } = await import(dist('sandbox/index.js'));
const { ApiClient } = await import(dist('api/client.js'));
const { readLiveState } = await import(dist('api/live-state.js'));
const { loadConfig } = await import(dist('config/load.js'));
const { buildPlan } = await import(dist('resources/registry.js'));

const LATENCY_MS = 50;
const CONCURRENCY = 8; // the client's request concurrency (src/api/client.ts)
const QUICK = process.argv.includes('--quick'); // fewer runs, for trying the bench out
const log = (s) => process.stderr.write(`${s}\n`);
const results = [];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
};
function record(r) {
  results.push(r);
  log(`  ${r.name}: ${fmt(r)}`);
}
function fmt(r) {
  const m = r.median;
  return r.unit === 'ms' ? `${Math.round(m)} ms` : r.unit === 'MB' ? `${m.toFixed(0)} MB` : r.unit === 'ratio' ? `${m.toFixed(2)}×` : `${m}`;
}

/** Runs the real CLI (through the RSS wrapper) and returns wall time, peak RSS and exit code. */
function cli(args, env, cwd) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bench/rss-wrapper.mjs'), ...args], { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const rss = Number(/BENCH_MAX_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      const cpuMs = Number(/BENCH_CPU_US (\d+)/.exec(stderr)?.[1] ?? NaN) / 1000;
      resolve({ code, ms, rssMb: rss, cpuMs, stderr });
    });
  });
}

function spawnTime(args) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    spawn(process.execPath, [path.join(root, 'bin/oradmin.js'), ...args], { stdio: 'ignore' }).on('close', () => resolve(performance.now() - t0));
  });
}

const readsOf = (counts) => Object.entries(counts).reduce((n, [, v]) => n + v, 0);

async function benchOrg(label, spec, runs) {
  log(`\n${label}: generating ${spec.keys} keys, ${spec.guardrails} guardrails, ${spec.workspaces} workspaces, ${spec.members} members…`);
  const org = generateOrg(spec);
  const sb = await startSandbox({ seed: org.seed, latencyMs: LATENCY_MS });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oradmin-bench-'));
  writeFileSync(path.join(dir, 'desired.yaml'), org.desiredYaml);
  writeFileSync(path.join(dir, 'drifted.yaml'), org.driftedYaml);
  const env = { OPENROUTER_API_URL: sb.url, OPENROUTER_MANAGEMENT_KEY: sb.managementKey };
  const minimum = minimumReads(org.shape);
  try {
    const times = [];
    const rss = [];
    const requests = [];
    const cpus = [];
    const startups = [];
    for (let i = 0; i < runs; i++) {
      // The floor's start-up from beside each plan: this machine's speed drifts over the bench's
      // minutes (--help took 150-240 ms in one run), and a start-up taken minutes earlier would
      // set the plan against another machine.
      startups.push(await spawnTime(['--help']));
      sb.resetLog();
      const r = await cli(['plan', '-f', 'desired.yaml', '-o', 'json', '--detailed-exitcode'], env, dir);
      if (r.code !== 0) throw new Error(`plan on the steady-state file exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      times.push(r.ms);
      rss.push(r.rssMb);
      cpus.push(r.cpuMs);
      requests.push(readsOf(sb.counts()));
    }
    // The physical floor (PRODUCT.md section 5): starting the CLI, plus the fewest requests the API
    // allows in rounds of the client's concurrency, each round one latency.
    const startup = stats(startups).median;
    const floor = startup + Math.ceil(minimum / CONCURRENCY) * LATENCY_MS;
    const median = stats(times).median;
    record({ name: `${label}: plan floor`, unit: 'ms', ...stats([floor]), floorOf: median, ratio: median / floor, startup });
    record({ name: `${label}: plan CPU`, unit: 'ms', ...stats(cpus) });
    if (spec.validateCpu) {
      const v = [];
      for (let i = 0; i < runs; i++) v.push((await cli(['validate', '-f', 'desired.yaml'], {}, dir)).cpuMs);
      record({ name: `${label}: validate CPU`, unit: 'ms', ...stats(v), cpuRatio: stats(cpus).median / stats(v).median });
    }
    sb.resetLog();
    const drift = await cli(['plan', '-f', 'drifted.yaml', '-o', 'json', '--detailed-exitcode'], env, dir);
    if (drift.code !== 2) throw new Error(`plan on the drifted file exited ${drift.code}: ${drift.stderr.slice(0, 500)}`);
    record({ name: `${label}: plan wall time (no drift)`, unit: 'ms', ...stats(times) });
    record({ name: `${label}: plan wall time (1% drift)`, unit: 'ms', ...stats([drift.ms]) });
    record({ name: `${label}: plan requests (minimum ${minimum})`, unit: 'requests', ...stats(requests), minimum });
    record({ name: `${label}: plan peak RSS`, unit: 'MB', ...stats(rss) });
    await benchBareReads(label, org, sb, env, dir, minimum, runs);
    if (spec.small) return; // the fixed costs only: its diff and naive read say nothing

    // Pure diff + plan: the same inputs in this process, CPU time only.
    const client = new ApiClient({ baseUrl: new URL(sb.url), managementKey: sb.managementKey });
    sb.setLatency(0);
    const live = await readLiveState(client);
    const loaded = await loadConfig(path.join(dir, 'drifted.yaml'), new Date());
    const cpu = [];
    let objects = 0;
    for (let i = 0; i < Math.max(3, runs); i++) {
      const t = process.cpuUsage();
      const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now: new Date() });
      const d = process.cpuUsage(t);
      cpu.push((d.user + d.system) / 1000);
      objects = live.keys.length + live.guardrails.length + live.workspaces.length + live.budgets.length + live.keyAssignments.length + live.memberAssignments.length + live.workspaceMembers.length;
      if (result.errors.length) throw new Error(result.errors[0].message);
    }
    record({ name: `${label}: diff+plan CPU (${objects} live objects)`, unit: 'ms', ...stats(cpu) });

    // The naive strategy, one object per request, same organization, same client limits.
    sb.setLatency(LATENCY_MS);
    sb.resetLog();
    const t0 = performance.now();
    const naiveRequests = await naiveRead(client, live);
    const naiveMs = performance.now() - t0;
    await client.close();
    record({ name: `${label}: naive per-object read`, unit: 'ms', ...stats([naiveMs]), requests: naiveRequests, ratio: naiveMs / stats(times).median, requestRatio: naiveRequests / stats(requests).median });
  } finally {
    await sb.close();
  }
}

/**
 * The same minimum reads with nothing but the wire (bench/bare-reads.mjs): every request known
 * ahead, 8 at a time, each answer JSON-parsed. The floor's rounds assume a server and a loopback
 * that cost nothing; this says what they cost here, which no client could avoid.
 */
async function benchBareReads(label, org, sb, env, dir, minimum, runs) {
  const client = new ApiClient({ baseUrl: new URL(sb.url), managementKey: sb.managementKey });
  // Every page of workspaces (the bench's specs have fewer than 100, but a larger spec must not
  // silently measure reads of only the first page's workspaces).
  const all = [];
  for (let offset = 0; ; offset += 100) {
    const page = await client.request({ operation: 'listWorkspaces', method: 'GET', path: '/workspaces', query: { offset, limit: 100 } });
    all.push(...page.data);
    if (page.data.length < 100) break;
  }
  await client.close();
  const workspaces = all.sort((a, b) => (a.slug === 'default' ? -1 : b.slug === 'default' ? 1 : a.slug < b.slug ? -1 : 1));
  const paths = minimumReadPaths(org.shape, workspaces);
  if (paths.length !== minimum) throw new Error(`bare reads: ${paths.length} paths for a minimum of ${minimum}`);
  writeFileSync(path.join(dir, 'bare-reads.json'), JSON.stringify(paths));
  const times = [];
  for (let i = 0; i < runs; i++) {
    sb.resetLog();
    const out = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bench/bare-reads.mjs'), path.join(dir, 'bare-reads.json')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (c) => (text += c));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`bench/bare-reads.mjs exited ${code}`))));
    });
    if (readsOf(sb.counts()) !== minimum) throw new Error(`bare reads: the sandbox saw ${readsOf(sb.counts())} requests, not ${minimum}`);
    times.push(out.ms);
  }
  const rounds = Math.ceil(minimum / CONCURRENCY) * LATENCY_MS;
  record({ name: `${label}: bare minimum reads, start-up excluded`, unit: 'ms', ...stats(times), rounds, roundsRatio: stats(times).median / rounds });
}

/** Apply of N creates, updates and bindings: requests sent against the fewest the API allows. */
async function benchApply() {
  log('\napply: 50 key creates (25 with a guardrail), 200 key updates, 500 key bindings, 300 member bindings…');
  const base = generateOrg({ name: 'apply', workspaces: 1, keys: 700, guardrails: 5, members: 300 });
  const sb = await startSandbox({ seed: base.seed, latencyMs: LATENCY_MS });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oradmin-bench-apply-'));
  const keys = base.seed.keys.map((k, i) => ({
    name: k.name,
    limit: i < 200 ? k.limit + 1 : k.limit,
    limit_reset: k.limit_reset,
    ...(k.disabled ? { disabled: true } : {}),
    ...(i >= 200 ? { guardrail: `guard-${String(i % 5).padStart(5, '0')}` } : {}),
  }));
  for (let i = 0; i < 50; i++) keys.push({ name: `new-${i}`, limit: 5, ...(i % 2 === 0 ? { guardrail: 'guard-00000' } : {}) });
  const guardrails = base.seed.guardrails.map((g, i) => ({ ...g, allowed_providers: g.allowed_providers ?? undefined, members: base.seed.organization_members.slice(i * 60, i * 60 + 60).map((m) => m.email) }));
  const { stringify } = await import('yaml');
  writeFileSync(path.join(dir, 'desired.yaml'), stringify({ version: 1, secrets: { file: 'secrets.json' }, safety: { max_deletes: 1000, max_change_fraction: 1 }, guardrails, keys }));
  const env = { OPENROUTER_API_URL: sb.url, OPENROUTER_MANAGEMENT_KEY: sb.managementKey };
  try {
    sb.resetLog();
    const r = await cli(['apply', '-f', 'desired.yaml', '--auto-approve'], env, dir);
    if (r.code !== 0) throw new Error(`apply exited ${r.code}: ${r.stderr.slice(-800)}`);
    const writes = sb.log.filter((e) => e.method !== 'GET').length;
    const reads = sb.log.length - writes;
    // The API's floor: one POST per new key, one PATCH per update, one bulk call per guardrail for
    // key bindings (new keys' bindings can share them) and one per guardrail for member bindings.
    const minimumWrites = 50 + 200 + 5 + 5;
    record({ name: 'apply: write requests', unit: 'requests', ...stats([writes]), minimum: minimumWrites, wallMs: Math.round(r.ms), reads });
  } finally {
    await sb.close();
  }
}

async function benchStartup() {
  log('\nCLI start-up (--help)…');
  await spawnTime(['--help']); // warm the file cache
  const times = [];
  for (let i = 0; i < (QUICK ? 5 : 15); i++) times.push(await spawnTime(['--help']));
  record({ name: 'CLI start-up for --help', unit: 'ms', ...stats(times) });
}

const started = performance.now();
await benchStartup();
await benchOrg('4 keys, 1 workspace', { workspaces: 1, keys: 4, guardrails: 1, members: 2, keyBindings: 1, memberBindings: 1, small: true, validateCpu: true }, QUICK ? 3 : 7);
await benchOrg('1k keys, 1 workspace', { workspaces: 1, keys: 1000, guardrails: 20, members: 50, keyBindings: 300, memberBindings: 40 }, QUICK ? 2 : 5);
await benchOrg('10k keys, 1 workspace', { workspaces: 1, keys: 10000, guardrails: 50, members: 100, keyBindings: 2000, memberBindings: 100 }, QUICK ? 2 : 3);
await benchOrg('10k keys, 1k guardrails, 50 workspaces, 500 members', { workspaces: 50, keys: 10000, guardrails: 1000, members: 500, keyBindings: 5000, memberBindings: 500, membersPerWorkspace: 10 }, QUICK ? 2 : 3);
await benchApply();

// Targets of PRODUCT.md section 5.
const find = (prefix) => results.find((r) => r.name.startsWith(prefix));
const targets = [
  { target: 'plan, 10k keys / 1k guardrails / 50 ws / 500 members ≤ 5 s', result: find('10k keys, 1k guardrails, 50 workspaces, 500 members: plan wall time (no drift)'), limit: 5000 },
  { target: 'plan, 10k keys in one workspace ≤ 2 s', result: find('10k keys, 1 workspace: plan wall time (no drift)'), limit: 2000 },
  { target: 'diff+plan of 10k objects ≤ 0.5 s CPU', result: find('10k keys, 1 workspace: diff+plan CPU'), limit: 500 },
  { target: 'peak RSS ≤ 256 MB (largest org)', result: find('10k keys, 1k guardrails, 50 workspaces, 500 members: plan peak RSS'), limit: 256 },
  { target: 'CLI start-up for --help ≤ 300 ms', result: find('CLI start-up'), limit: 300 },
  ...results
    .filter((r) => r.floorOf !== undefined)
    .map((r) => ({ target: `${r.name.replace(': plan floor', '')}: plan ≤ 1.5× its floor (${Math.round(r.median)} ms)`, result: { median: r.ratio, unit: 'ratio' }, limit: 1.5 })),
  { target: '4-key plan CPU ≤ 2× validate CPU (issue 19)', result: { median: find('4 keys, 1 workspace: validate CPU').cpuRatio, unit: 'ratio' }, limit: 2 },
].map((t) => ({ ...t, met: t.result.median <= t.limit }));

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, date: new Date().toISOString() };
const out = [];
out.push(`oradmin bench — sandbox latency ${LATENCY_MS} ms/request, client concurrency 8`);
out.push(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}, ${machine.date.slice(0, 10)}`, '');
out.push('| measurement | median | min | max | runs | notes |', '|---|---:|---:|---:|---:|---|');
for (const r of results) {
  const unit = r.unit === 'ms' ? ' ms' : r.unit === 'MB' ? ' MB' : '';
  const f = (v) => (r.unit === 'requests' ? String(v) : r.unit === 'MB' ? v.toFixed(0) : String(Math.round(v)));
  const notes = [
    r.minimum !== undefined ? `minimum ${r.minimum}${r.median > r.minimum ? ` (+${r.median - r.minimum})` : ''}` : '',
    r.requests !== undefined ? `${r.requests} requests; ${r.ratio.toFixed(1)}× oradmin's time, ${r.requestRatio.toFixed(0)}× its requests` : '',
    r.reads !== undefined ? `plus ${r.reads} reads (plan + verification), ${r.wallMs} ms in all` : '',
    r.floorOf !== undefined ? `start-up (${Math.round(r.startup)} ms, --help beside each plan) + ⌈minimum requests ÷ ${CONCURRENCY}⌉ × ${LATENCY_MS} ms; the plan takes ${r.ratio.toFixed(2)}× it` : '',
    r.cpuRatio !== undefined ? `the plan's CPU is ${r.cpuRatio.toFixed(2)}× it` : '',
    r.rounds !== undefined ? `${r.roundsRatio.toFixed(2)}× the floor's ${r.rounds} ms of rounds: the sandbox's and the loopback's own cost` : '',
  ].filter(Boolean).join('; ');
  out.push(`| ${r.name} | ${f(r.median)}${unit} | ${f(r.min)}${unit} | ${f(r.max)}${unit} | ${r.runs} | ${notes} |`);
}
out.push('', '| target (PRODUCT.md §5) | measured (median) | met |', '|---|---:|---|');
for (const t of targets) out.push(`| ${t.target} | ${fmt(t.result)} | ${t.met ? 'yes' : `no — over by ${t.result.unit === 'ratio' ? (t.result.median - t.limit).toFixed(2) : Math.round(t.result.median - t.limit)}`} |`);
out.push('', `bench time: ${Math.round((performance.now() - started) / 1000)} s`);
process.stdout.write(`${out.join('\n')}\n`);
writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ machine, latency_ms: LATENCY_MS, results, targets: targets.map((t) => ({ target: t.target, median: t.result.median, met: t.met })) }, null, 2)}\n`);
log('\nwrote bench/results.json');
