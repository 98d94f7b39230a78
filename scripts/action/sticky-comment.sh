#!/usr/bin/env bash
# Posts the markdown plan as a pull-request comment, or updates the comment this action posted
# before. That comment is found by the marker line that `oradmin plan -o markdown` starts with
# *and* by its author, the identity of the token in use: anyone can post a comment starting with the
# marker, and updating theirs would let them later edit the plan a reviewer reads. Needs GH_TOKEN.
set -euo pipefail
plan_md="$1"
marker='<!-- oradmin-plan -->'
pr=$(node -e 'const e=require(process.env.GITHUB_EVENT_PATH); process.stdout.write(String(e.pull_request?.number ?? ""))')
if [ -z "$pr" ]; then
  echo "oradmin: not a pull_request event; no comment posted"
  exit 0
fi
# A personal token can say who it is; the workflow's GITHUB_TOKEN cannot (403), and comments made
# with it are authored by github-actions[bot]. ORADMIN_COMMENT_AUTHOR overrides (e.g. an app bot).
author="${ORADMIN_COMMENT_AUTHOR:-}"
if [ -z "$author" ]; then author=$(gh api user --jq .login 2>/dev/null || true); fi
if [ -z "$author" ]; then author='github-actions[bot]'; fi
existing=$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate \
  --jq ".[] | select(.user.login == \"$author\" and (.body | startswith(\"$marker\"))) | .id" | head -n 1)
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$plan_md" > /dev/null
  echo "oradmin: updated the plan comment on #$pr"
else
  gh pr comment "$pr" --repo "$GITHUB_REPOSITORY" --body-file "$plan_md"
  echo "oradmin: commented the plan on #$pr"
fi
