#!/usr/bin/env bash
# An oradmin command sink: stores each new key's secret as a GitHub Actions secret. oradmin runs it
# once per new key with {"address","workspace","name","secret","hash","created_at"} as JSON on stdin;
# the secret is passed on to `gh secret set` through stdin too — never in arguments or the environment.
#
# The secret's name is OPENROUTER_KEY_<workspace>__<name>, each part upper-cased, with every character
# other than a-z and 0-9 written as _XX (its UTF-8 bytes in hex): key.default/ci-bot becomes
# OPENROUTER_KEY_DEFAULT__CI_2DBOT. GitHub secret names allow only A-Z, 0-9 and _ and ignore case, so
# a plain "other characters as _" would give key.a/b-c and key.a-b/c (or Bot and bot) the same secret,
# the second overwriting the first; with `_` used only for escapes and `__` only between the two
# parts, no two addresses share a name.
set -euo pipefail
payload=$(cat)
# One node for the name, one for the secret: each reads the payload from stdin.
name=$(printf '%s' "$payload" | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const p = JSON.parse(s);
    const enc = (t) => [...Buffer.from(String(t), "utf8")]
      .map((b) => (/[a-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b).toUpperCase() : "_" + b.toString(16).toUpperCase().padStart(2, "0")))
      .join("");
    process.stdout.write(`OPENROUTER_KEY_${enc(p.workspace)}__${enc(p.name)}`);
  });')
printf '%s' "$payload" | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>process.stdout.write(String(JSON.parse(s).secret)))' \
  | gh secret set "$name" --repo "$GITHUB_REPOSITORY"
echo "stored the new key's secret as $name"
