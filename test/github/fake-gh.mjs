#!/usr/bin/env node
// A stand-in for the GitHub CLI in workflow tests: it records every call (argv and stdin) and keeps
// comments, issues and secrets in a JSON state file, answering the few calls the examples make.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

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
if (cmd === 'api' && sub === 'user') {
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
  state.comments.push({ id: state.comments.length + 1, pr: Number(args[2]), user: commentAuthor, body: readFileSync(opt('--body-file'), 'utf8') });
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
