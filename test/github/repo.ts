// A checkout of a repository for the workflow tests: the desired file, extra files, and a fake gh
// (fake-gh.mjs) with its own state and call log.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { SeedDocument } from '../../src/sandbox/index.js';
import { REPO } from '../helpers/cli.js';
import type { Org } from '../helpers/org.js';
import type { runWorkflow } from './runner.js';

export interface GhState {
  comments: { id: number; pr?: number; user?: string; body: string }[];
  issues: { number: number; state: string; body: string; labels: string[]; author?: string; title?: string }[];
  secrets: Record<string, string>;
  pulls?: { number: number; head: { sha: string }; merge_commit_sha: string }[];
  runs?: { databaseId: number; workflow: string; headSha: string; conclusion: string }[];
}

export const workflow = (name: string) => path.join(REPO, 'examples/github', name);
export const DEMO_SEED = parse(readFileSync(path.join(REPO, 'examples/seeds/demo.yaml'), 'utf8')) as SeedDocument;

/** A checkout of a repository holding the desired file, and a fake gh with its own state. */
export function checkout(desired: string, extra: Record<string, string> = {}, initialGh?: GhState) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-repo-'));
  writeFileSync(path.join(dir, 'openrouter.admin.yaml'), desired);
  for (const [to, from] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    copyFileSync(from, path.join(dir, to));
  }
  const ghState = path.join(dir, '..', `${path.basename(dir)}-gh-state.json`);
  const ghLog = path.join(dir, '..', `${path.basename(dir)}-gh-log.jsonl`);
  writeFileSync(ghLog, '');
  if (initialGh) writeFileSync(ghState, JSON.stringify(initialGh));
  return {
    dir,
    env: { FAKE_GH_STATE: ghState, FAKE_GH_LOG: ghLog },
    gh: () => JSON.parse(readFileSync(ghState, 'utf8')) as GhState,
    ghCalls: () => readFileSync(ghLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { argv: string[]; stdin: string }),
  };
}

export const secretsOf = (o: Org) => ({ OPENROUTER_MANAGEMENT_KEY: o.sb.managementKey });
export const envOf = (o: Org, repo: { env: Record<string, string> }) => ({ ...repo.env, OPENROUTER_API_URL: o.sb.url });
export const everything = (r: Awaited<ReturnType<typeof runWorkflow>>) => [r.summary, ...r.steps.flatMap((s) => [s.stdout, s.stderr, ...Object.values(s.outputs)])].join('\n');

