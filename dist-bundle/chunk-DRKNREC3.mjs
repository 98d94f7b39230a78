import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/init/starter.ts
var SCHEMA_FILE = "openrouter.admin.schema.json";
var STARTER_SECRETS_DIR = ".oradmin/";
function starterFile(schemaRef) {
  return `# yaml-language-server: $schema=${schemaRef}
#
# This organization's OpenRouter setup, managed by oradmin: edit it in a pull request, review
# \`oradmin plan\`, merge, and \`oradmin apply\` makes it so. Every field is explained in the
# schema above (your editor completes and checks it) and in oradmin's README.
version: 1

# Where the secret of each new key goes \u2014 nowhere else. A file for a laptop (git-ignored by init);
# in CI use a command that stores it in your secret store (see .github/workflows/oradmin-apply.yml):
#   command: ["./store-secret.sh"]
secrets:
  file: ${STARTER_SECRETS_DIR}secrets.json

# Live objects this file does not declare are reported (and are drift for a cron), never changed.
unmanaged:
  keys: report
  guardrails: report
  workspaces: report

# More deletions than this, or over 30% of a kind, need --force.
safety:
  max_deletes: 10
  max_change_fraction: 0.3

policy:
  keys:
    require_limit: true
    max_limit: 500

defaults:
  key: { limit_reset: monthly }

# workspaces:
#   - slug: default
#     budgets: { monthly: 2000 }

# guardrails:
#   - name: prod-cap
#     limit_usd: 50
#     reset_interval: daily

keys: []
#  - name: my-app
#    limit: 25
#    guardrail: prod-cap
`;
}
function gitignoreAdditions(existing) {
  const lines = new Set(existing.split("\n").map((l) => l.trim()));
  const wanted = [STARTER_SECRETS_DIR];
  return wanted.filter((w) => !lines.has(w) && !lines.has(`/${w}`) && !lines.has(w.replace(/\/$/, "")));
}

export {
  SCHEMA_FILE,
  starterFile,
  gitignoreAdditions
};
