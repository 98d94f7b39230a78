#!/usr/bin/env node
// A stand-in for the GitHub CLI in workflow tests: it records every call (argv and stdin) and keeps
// comments, issues and secrets in a JSON state file, answering the few calls the examples make.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
// Read asynchronously: a synchronous read of a non-blocking pipe can fail with EAGAIN.
let stdin = '';
if (!process.stdin.isTTY) for await (const chunk of process.stdin) stdin += chunk;
appendFileSync(process.env.FAKE_GH_LOG, `${JSON.stringify({ argv: args, stdin })}\n`);
const statePath = process.env.FAKE_GH_STATE;
const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : { comments: [], issues: [], secrets: {} };
const save = () => writeFileSync(statePath, JSON.stringify(state, null, 2));
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const fileArg = (value) => readFileSync(value.replace(/^body=@/, ''), 'utf8');

// Who the token is: FAKE_GH_USER for a personal token; unset, the workflow's GITHUB_TOKEN, which
// cannot ask (403) and writes as the github-actions app.
const me = process.env.FAKE_GH_USER;
const commentAuthor = me ?? 'github-actions[bot]';
const issueAuthor = me ?? 'app/github-actions';

const [cmd, sub] = args;
const jqField = (obj) => {
  // The few --jq forms the examples use: '.head.sha', '.[0].number // empty', '.[0].databaseId // empty'.
  const jq = opt('--jq') ?? '';
  const m = /^\.\[0\]\.(\w+) \/\/ empty$/.exec(jq);
  if (m) return Array.isArray(obj) && obj[0] ? String(obj[0][m[1]]) : '';
  if (jq === '.head.sha') return obj.head.sha;
  return JSON.stringify(obj);
};
if (cmd === 'api' && /^repos\/[^/]+\/[^/]+\/commits\/[^/]+\/pulls$/.test(sub ?? '')) {
  const sha = sub.split('/')[4];
  const prs = (state.pulls ?? []).filter((p) => p.merge_commit_sha === sha);
  process.stdout.write(`${jqField(prs)}\n`);
} else if (cmd === 'api' && /^repos\/[^/]+\/[^/]+\/pulls\/\d+$/.test(sub ?? '')) {
  const pr = (state.pulls ?? []).find((p) => p.number === Number(sub.split('/').pop()));
  if (!pr) process.exit(1);
  process.stdout.write(`${jqField(pr)}\n`);
} else if (cmd === 'run' && sub === 'list') {
  const runs = (state.runs ?? []).filter((r) => r.workflow === opt('--workflow') && r.headSha === opt('--commit') && (!opt('--status') || r.conclusion === opt('--status')));
  process.stdout.write(`${jqField(runs)}\n`);
} else if (cmd === 'run' && sub === 'download') {
  // Artifacts of the local runner's store (runner.ts, uploadArtifact): <store>/<run>/<name>/*.
  const from = `${process.env.FAKE_GH_ARTIFACTS}/${args[2]}/${opt('--name')}`;
  if (!existsSync(from)) {
    process.stderr.write(`no artifact ${opt('--name')} in run ${args[2]}\n`);
    process.exit(1);
  }
  mkdirSync(opt('--dir'), { recursive: true });
  for (const f of readdirSync(from)) copyFileSync(`${from}/${f}`, `${opt('--dir')}/${f}`);
} else if (cmd === 'api' && sub === 'user') {
  if (!me) {
    process.stderr.write('HTTP 403: Resource not accessible by integration (https://api.github.com/user)\n');
    process.exit(1);
  }
  process.stdout.write(`${me}\n`);
} else if (cmd === 'api' && args.includes('--method') && opt('--method') === 'PATCH') {
  const id = Number(args.find((a) => a.startsWith('repos/')).split('/').pop());
  state.comments.find((c) => c.id === id).body = fileArg(opt('-F'));
  save();
} else if (cmd === 'api') {
  // repos/<r>/issues/<n>/comments --jq '.[] | select(.user.login == "<login>" and (.body | startswith("<marker>"))) | .id'
  const jq = opt('--jq') ?? '';
  const marker = /startswith\("([^"]*)"\)/.exec(jq)?.[1] ?? '';
  const login = /\.user\.login == "([^"]*)"/.exec(jq)?.[1];
  for (const c of state.comments) if (c.body.startsWith(marker) && (login === undefined || c.user === login)) process.stdout.write(`${c.id}\n`);
} else if (cmd === 'pr' && sub === 'comment') {
  state.comments.push({ id: state.comments.length + 1, pr: Number(args[2]), user: commentAuthor, body: opt('--body-file') ? readFileSync(opt('--body-file'), 'utf8') : opt('--body') });
  save();
} else if (cmd === 'label') {
  // label create … --force: nothing to remember
} else if (cmd === 'issue' && sub === 'list') {
  const author = opt('--author');
  const open = state.issues.filter((i) => i.state === 'open' && i.labels.includes(opt('--label')) && (author === undefined || i.author === author));
  if (open.length) process.stdout.write(`${open[0].number}\n`);
} else if (cmd === 'issue' && sub === 'create') {
  const number = state.issues.length + 1;
  state.issues.push({ number, title: opt('--title'), labels: [opt('--label')], author: issueAuthor, state: 'open', body: readFileSync(opt('--body-file'), 'utf8') });
  save();
  process.stdout.write(`https://github.com/acme/org/issues/${number}\n`);
} else if (cmd === 'issue' && sub === 'edit') {
  state.issues.find((i) => i.number === Number(args[2])).body = readFileSync(opt('--body-file'), 'utf8');
  save();
} else if (cmd === 'issue' && sub === 'close') {
  state.issues.find((i) => i.number === Number(args[2])).state = 'closed';
  save();
} else if (cmd === 'secret' && sub === 'set') {
  state.secrets[args[2]] = stdin;
  save();
} else {
  process.stderr.write(`fake gh: unsupported call: ${args.join(' ')}\n`);
  process.exit(2);
}
