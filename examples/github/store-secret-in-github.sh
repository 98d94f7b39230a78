#!/usr/bin/env bash
# An oradmin command sink: stores each new key's secret as a GitHub Actions secret named
# OPENROUTER_KEY_<WORKSPACE>_<NAME> (upper case, other characters as _). oradmin runs it once per
# new key with {"address","workspace","name","secret","hash","created_at"} as JSON on stdin; the
# secret is passed on to `gh secret set` through stdin too — never in arguments or the environment.
set -euo pipefail
payload=$(cat)
field() { printf '%s' "$payload" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(JSON.parse(s)[process.argv[1]])))' "$1"; }
name=$(printf 'OPENROUTER_KEY_%s_%s' "$(field workspace)" "$(field name)" | tr '[:lower:]' '[:upper:]' | tr -c 'A-Z0-9_' '_')
field secret | gh secret set "$name" --repo "$GITHUB_REPOSITORY"
echo "stored the secret of $(field address) as $name"
