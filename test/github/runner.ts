// A small local runner for GitHub Actions workflows, enough to execute the example workflows' steps
// for real: `run:` steps in bash, our composite action (action.yml) step by step, `${{ }}`
// expressions over inputs / steps / secrets / env / github, `if:` conditions, step outputs from
// $GITHUB_OUTPUT and the job summary from $GITHUB_STEP_SUMMARY. Anything it does not support is an
// error, so that a test can never silently skip logic.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO } from '../helpers/cli.js';

export interface StepResult {
  name: string;
  skipped: boolean;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface JobResult {
  success: boolean;
  steps: StepResult[];
  summary: string;
  /** The workflow as parsed, for checks on its structure. */
  workflow: Record<string, unknown>;
}

export interface RunOptions {
  /** The checked-out repository the workflow runs in. */
  cwd: string;
  secrets: Record<string, string>;
  github: Record<string, unknown>;
  /** The webhook payload ($GITHUB_EVENT_PATH). */
  event?: Record<string, unknown>;
  /** Extra environment (e.g. where the fake gh keeps its state). */
  env?: Record<string, string>;
  /**
   * Where `actions/upload-artifact` puts artifacts (`<dir>/<run id>/<name>/…`) and the fake gh's
   * `run download` finds them; shared by the runs of one test. A fresh folder when omitted.
   */
  artifacts?: string;
  /** This run's id (github.run_id), for the artifact store. */
  runId?: number;
  /**
   * The action's checkout (`uses: <owner>/oradmin@…`): this repository, already built by `npm
   * test`, unless a test gives a release of it (then its own install step runs, as on GitHub).
   */
  actionPath?: string;
  /** Directories put first on PATH (e.g. a stand-in that must not be called). */
  prependPath?: string;
}

interface Ctx {
  inputs?: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
  secrets: Record<string, string>;
  env: Record<string, string>;
  github: Record<string, unknown>;
  failed: boolean;
}

type Step = { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string>; shell?: string; 'working-directory'?: string };

/** Runs the one job of a workflow file. */
export async function runWorkflow(file: string, opts: RunOptions): Promise<JobResult> {
  const workflow = parse(readFileSync(file, 'utf8')) as { env?: Record<string, string>; jobs: Record<string, { env?: Record<string, string>; steps: Step[] }> };
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`${file}: the runner supports one job, found ${jobs.length}`);
  const job = jobs[0]!;
  const tmp = mkdtempSync(path.join(tmpdir(), 'oradmin-gha-'));
  const summaryFile = path.join(tmp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const eventFile = path.join(tmp, 'event.json');
  writeFileSync(eventFile, JSON.stringify(opts.event ?? {}));
  const bin = path.join(tmp, 'bin');
  // The GitHub CLI is replaced by a recording fake (test/github/fake-gh.mjs).
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'gh'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'test/github/fake-gh.mjs')}" "$@"\n`);
  chmodSync(path.join(bin, 'gh'), 0o755);
  const baseEnv: Record<string, string> = {
    PATH: `${opts.prependPath ? `${opts.prependPath}:` : ''}${bin}:${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: String(opts.github.repository ?? 'acme/openrouter-config'),
    GITHUB_WORKSPACE: opts.cwd,
    RUNNER_TEMP: tmp,
    FAKE_GH_ARTIFACTS: artifactsOf(opts, tmp).dir,
    GITHUB_RUN_ID: String(artifactsOf(opts, tmp).runId),
    // The action's checkout (this repository) is already built by `npm test`.
    ...(opts.actionPath === undefined ? { ORADMIN_PREINSTALLED: 'true' } : {}),
    NO_COLOR: '1',
    ...opts.env,
  };
  const ctx: Ctx = { steps: {}, secrets: opts.secrets, env: { ...baseEnv }, github: opts.github, failed: false };
  const workflowEnv = { ...interpolateMap(workflow.env, ctx), ...interpolateMap(job.env, ctx) };
  const results: StepResult[] = [];
  for (const [i, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${i + 1}`;
    if (!condition(step.if, ctx)) {
      results.push({ name, skipped: true, code: 0, stdout: '', stderr: '', outputs: {} });
      continue;
    }
    const env = { ...baseEnv, ...workflowEnv, ...interpolateMap(step.env, ctx) };
    let result: StepResult;
    if (step.uses && /^actions\/(checkout|setup-node)@/.test(step.uses)) {
      result = { name, skipped: false, code: 0, stdout: '', stderr: '', outputs: {} };
    } else if (step.uses && /\/oradmin@/.test(step.uses)) {
      result = await runAction(name, interpolateMap(step.with, ctx), env, opts.cwd, tmp, ctx, artifactsOf(opts, tmp), opts.actionPath ?? REPO);
    } else if (step.uses && /^actions\/upload-artifact@/.test(step.uses)) {
      result = uploadArtifact(name, interpolateMap(step.with, ctx), opts.cwd, artifactsOf(opts, tmp));
    } else if (step.uses) {
      throw new Error(`runner: unsupported action ${step.uses}`);
    } else {
      result = await runShell(name, interpolate(step.run ?? '', ctx), env, opts.cwd, tmp, 'bash -e');
    }
    results.push(result);
    if (step.id) ctx.steps[step.id] = { outputs: result.outputs, outcome: result.code === 0 ? 'success' : 'failure' };
    if (result.code !== 0) ctx.failed = true;
  }
  return { success: !ctx.failed, steps: results, summary: readFileSync(summaryFile, 'utf8'), workflow: workflow as Record<string, unknown> };
}

function artifactsOf(opts: RunOptions, tmp: string): { dir: string; runId: number } {
  return { dir: opts.artifacts ?? path.join(tmp, 'artifacts'), runId: opts.runId ?? 1 };
}

/** actions/upload-artifact: copies the listed files (one per line) into the store under the name. */
function uploadArtifact(name: string, w: Record<string, string>, cwd: string, store: { dir: string; runId: number }): StepResult {
  const target = path.join(store.dir, String(store.runId), w.name ?? 'artifact');
  mkdirSync(target, { recursive: true });
  const files = (w.path ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  let copied = 0;
  for (const f of files) {
    const from = path.resolve(cwd, f);
    if (!existsSync(from)) {
      if ((w['if-no-files-found'] ?? 'warn') === 'error') return { name, skipped: false, code: 1, stdout: '', stderr: `no file ${f}`, outputs: {} };
      continue;
    }
    copyFileSync(from, path.join(target, path.basename(from)));
    copied++;
  }
  return { name, skipped: false, code: 0, stdout: `uploaded ${copied} file(s) as ${w.name}`, stderr: '', outputs: {} };
}

/** action.yml, composite: its steps with its inputs, its outputs from its steps' outputs. */
async function runAction(
  name: string,
  withInputs: Record<string, string>,
  env: Record<string, string>,
  cwd: string,
  tmp: string,
  outer: Ctx,
  store: { dir: string; runId: number },
  actionPath: string,
): Promise<StepResult> {
  const action = parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
  };
  if (action.runs.using !== 'composite') throw new Error('runner: only composite actions');
  for (const k of Object.keys(withInputs)) if (!(k in action.inputs)) throw new Error(`runner: action has no input ${k}`);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, withInputs[k] ?? v.default ?? '']));
  const ctx: Ctx = { inputs, steps: {}, secrets: outer.secrets, env: { ...env }, github: outer.github, failed: false };
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const step of action.runs.steps) {
    if (!condition(step.if, ctx)) continue;
    if (step.uses && /^actions\/upload-artifact@/.test(step.uses)) {
      const r = uploadArtifact(step.name ?? 'upload', interpolateMap(step.with, ctx), cwd, store);
      stdout += r.stdout;
      continue;
    }
    if (step.uses) throw new Error(`runner: unsupported action ${step.uses} in action.yml`);
    if (step.shell !== 'bash') throw new Error('runner: composite steps must say shell: bash');
    const stepEnv = { ...env, ...interpolateMap(step.env, ctx), GITHUB_ACTION_PATH: actionPath };
    const dir = path.resolve(cwd, interpolate(step['working-directory'] ?? '.', ctx));
    // Composite bash steps run as `bash --noprofile --norc -eo pipefail {0}`.
    const r = await runShell(step.name ?? 'action step', interpolate(step.run ?? '', ctx), stepEnv, dir, tmp, 'bash --noprofile --norc -eo pipefail');
    stdout += r.stdout;
    stderr += r.stderr;
    if (step.id) ctx.steps[step.id] = { outputs: r.outputs, outcome: r.code === 0 ? 'success' : 'failure' };
    // Later steps run only if their `if:` says so (always(), failure()), as in GitHub.
    if (r.code !== 0 && code === 0) {
      code = r.code;
      ctx.failed = true;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, interpolate(v.value, ctx)]));
  return { name, skipped: false, code, stdout, stderr, outputs };
}

let counter = 0;
function runShell(name: string, script: string, env: Record<string, string>, cwd: string, tmp: string, shell: string): Promise<StepResult> {
  const scriptFile = path.join(tmp, `step-${++counter}.sh`);
  const outputFile = path.join(tmp, `output-${counter}`);
  writeFileSync(scriptFile, script);
  writeFileSync(outputFile, '');
  const [cmd, ...args] = shell.split(' ');
  return new Promise((resolve) => {
    const child = spawn(cmd!, [...args, scriptFile], { cwd, env: { ...env, GITHUB_OUTPUT: outputFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code) => resolve({ name, skipped: false, code: code ?? 1, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) }));
  });
}

/** $GITHUB_OUTPUT lines: `name=value`, or `name<<DELIMITER` … `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function interpolateMap(map: Record<string, string> | undefined, ctx: Ctx): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]));
}

function interpolate(text: string, ctx: Ctx): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => String(evaluate(expr, ctx)));
}

function condition(cond: string | undefined, ctx: Ctx): boolean {
  if (cond === undefined) return !ctx.failed;
  const expr = cond.trim().replace(/^\$\{\{(.*)\}\}$/s, '$1');
  const value = evaluate(expr, ctx);
  // Without a status function, `if:` implies success().
  return /\b(always|failure|success|cancelled)\(\)/.test(expr) ? Boolean(value) : !ctx.failed && Boolean(value);
}

/** The expression subset the examples use: literals, context paths, ==, !=, &&, ||, !, status functions. */
function evaluate(expr: string, ctx: Ctx): string | boolean | number {
  const tokens = expr.match(/'[^']*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?|\d+(?:\.\d+)?|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const primary = (): string | boolean | number => {
    const t = next();
    if (t === undefined) throw new Error(`runner: incomplete expression ${expr}`);
    if (t === '(') {
      const v = or();
      if (next() !== ')') throw new Error(`runner: missing ) in ${expr}`);
      return v;
    }
    if (t === '!') return !primary();
    if (t.startsWith("'")) return t.slice(1, -1);
    if (/^\d/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'always()') return true;
    if (t === 'success()') return !ctx.failed;
    if (t === 'failure()') return ctx.failed;
    return lookup(t, ctx, expr);
  };
  const compare = (): string | boolean | number => {
    let v = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = next();
      const r = primary();
      v = op === '==' ? String(v) === String(r) : String(v) !== String(r);
    }
    return v;
  };
  const and = (): string | boolean | number => {
    let v = compare();
    while (peek() === '&&') {
      next();
      const r = compare();
      v = Boolean(v) && Boolean(r) ? r : false;
    }
    return v;
  };
  const or = (): string | boolean | number => {
    let v = and();
    while (peek() === '||') {
      next();
      const r = and();
      v = v || r;
    }
    return v;
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`runner: unsupported expression ${expr}`);
  return value;
}

function lookup(pathExpr: string, ctx: Ctx, expr: string): string {
  const [root, ...rest] = pathExpr.split('.');
  let cur: unknown;
  if (root === 'inputs' && ctx.inputs) cur = ctx.inputs;
  else if (root === 'steps') cur = ctx.steps;
  else if (root === 'secrets') cur = ctx.secrets;
  else if (root === 'env') cur = ctx.env;
  else if (root === 'github') cur = ctx.github;
  else throw new Error(`runner: unsupported context "${root}" in ${expr}`);
  for (const seg of rest) {
    // A skipped step's outputs, like a missing secret, read as the empty string in GitHub too.
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}
