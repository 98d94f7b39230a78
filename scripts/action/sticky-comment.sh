#!/usr/bin/env bash
# Posts the markdown plan as a pull-request comment, or updates the comment this action posted
# before (found by the marker line that `oradmin plan -o markdown` starts with). Needs GH_TOKEN.
set -euo pipefail
plan_md="$1"
marker='<!-- oradmin-plan -->'
pr=$(node -e 'const e=require(process.env.GITHUB_EVENT_PATH); process.stdout.write(String(e.pull_request?.number ?? ""))')
if [ -z "$pr" ]; then
  echo "oradmin: not a pull_request event; no comment posted"
  exit 0
fi
existing=$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$plan_md" > /dev/null
  echo "oradmin: updated the plan comment on #$pr"
else
  gh pr comment "$pr" --repo "$GITHUB_REPOSITORY" --body-file "$plan_md"
  echo "oradmin: commented the plan on #$pr"
fi
