#!/usr/bin/env bash
# The composite action's one step (action.yml): runs oradmin, writes the job summary and the step
# outputs. The management key stays in the environment; nothing here echoes it or a secret, and
# there is deliberately no `set -x`.
#
# Untrusted text never drives the job log (PRODUCT.md section 11): oradmin already escapes names so
# that none can start a line, and everything it prints to the log is also wrapped in
# `::stop-commands::<token>` … `::<token>::` with a token made for this run, so that GitHub runs no
# workflow command from it. Only oradmin's own annotations (`::error file=…`, escaped as GitHub
# specifies) are printed outside the wrapping, where they take effect.
set -uo pipefail

# The release build (action-dist/, made by `npm run build:action`) needs no installed dependencies;
# a development checkout runs its own build.
if [ -f "$GITHUB_ACTION_PATH/action-dist/oradmin.js" ]; then
  oradmin() { node "$GITHUB_ACTION_PATH/action-dist/oradmin.js" "$@"; }
else
  oradmin() { node "$GITHUB_ACTION_PATH/bin/oradmin.js" "$@"; }
fi
# The command sinks shipped with the action (oradmin-github-secret) are commands on PATH.
export PATH="$GITHUB_ACTION_PATH/scripts/action/bin:$PATH"
token=$(node -e 'process.stdout.write(require("crypto").randomBytes(16).toString("hex"))')
quiet() { echo "::stop-commands::$token"; }
loud() { echo "::$token::"; }
# Workflow-command data escaping (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
gh_escape() { local s=${1//%/%25}; s=${s//$'\r'/%0D}; printf '%s' "${s//$'\n'/%0A}"; }
# Prints a file inside the wrapping, except oradmin's own annotation lines, which go after it.
show() {
  quiet
  grep -v -E '^::(error|warning|notice) file=' "$1"
  loud
  grep -E '^::(error|warning|notice) file=' "$1"
  return 0
}

# Arguments are separated by any whitespace, newlines included (`args: |` over several lines);
# quotes are not interpreted.
read -r -d '' -a extra <<< "${ORADMIN_ARGS:-}" || true
# plan gets the flags apply will get (--target, --secrets-out, --force, --allow-replace), so that a
# green plan means a green apply; only apply's own (audit log, lock, confirmation) are left out.
plan_extra=()
for ((i = 0; i < ${#extra[@]}; i++)); do
  case "${extra[$i]}" in
    --log-file | --lock-timeout | --lock-ttl) i=$((i + 1)) ;;
    --log-file=* | --lock-timeout=* | --lock-ttl=* | --lock | --lock=* | --no-lock | --auto-approve) ;;
    *) plan_extra+=("${extra[$i]}") ;;
  esac
done
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/oradmin-$$"
mkdir -p "$work"
summary_file="${GITHUB_STEP_SUMMARY:-/dev/null}"
output_file="${GITHUB_OUTPUT:-/dev/null}"
echo "dir=$work" >> "$output_file"

# GitHub's limits: 65,536 characters per comment, 1 MiB per step summary. A longer plan is shown
# as its summary, refusals and widening changes, saying where the whole one is (the artifact
# uploaded by the action, or the job summary).
COMMENT_MAX=65000
SUMMARY_MAX=1000000
fits() { [ "$(wc -c < "$1")" -le "$2" ]; }
summary_md() {
  if fits "$work/plan.md" "$SUMMARY_MAX"; then cat "$work/plan.md"
  else oradmin show "$work/plan.json" -o markdown --max-chars "$SUMMARY_MAX" --whole-plan-at "the oradmin-$ORADMIN_COMMAND artifact of this run (plan.md)" 2>/dev/null
  fi
}
comment_md() {
  if fits "$work/plan.md" "$COMMENT_MAX"; then cat "$work/plan.md"
  elif fits "$work/plan.md" "$SUMMARY_MAX"; then oradmin show "$work/plan.json" -o markdown --max-chars "$COMMENT_MAX" --whole-plan-at "the job summary of this run" 2>/dev/null
  else oradmin show "$work/plan.json" -o markdown --max-chars "$COMMENT_MAX" --whole-plan-at "the oradmin-$ORADMIN_COMMAND artifact of this run (plan.md)" 2>/dev/null
  fi
}

# The plan summary counts of a planfile, as one line of JSON.
counts() { node -e 'const p=require(process.argv[1]); process.stdout.write(JSON.stringify(p.plan.summary))' "$1"; }

# Plans (into $work/plan.md and plan.json) with the flags apply will get; sets $code.
make_plan() {
  quiet
  oradmin plan -f "$ORADMIN_FILE" -o markdown --detailed-exitcode --out "$work/plan.json" "${plan_extra[@]}" 2>&1 > "$work/plan.md"
  code=$?
  loud
}
is_plan() { head -n 1 "$work/plan.md" | grep -qxF '<!-- oradmin-plan -->'; }

# plan and apply read the organization. GitHub gives no repository secrets to workflows run for
# pull requests from forks, nor to Dependabot's (those get Dependabot secrets only): say so, once,
# instead of an API error, and fail — a check that passed without a plan would look reviewed.
need_key() {
  [ -n "${OPENROUTER_MANAGEMENT_KEY:-}${OPENROUTER_PROVISIONING_KEY:-}" ] && return 0
  local why="OPENROUTER_MANAGEMENT_KEY (or its alias OPENROUTER_PROVISIONING_KEY) is empty, so oradmin cannot read the organization. Pull requests from forks and from Dependabot get no repository secrets: validate still checks their file; plan them from a branch of this repository (or store the key as a Dependabot secret for Dependabot's)."
  echo "::error title=oradmin $ORADMIN_COMMAND::$(gh_escape "$why")"
  printf '### oradmin %s\n\n%s\n' "$ORADMIN_COMMAND" "$why" >> "$summary_file"
  echo "exit-code=1" >> "$output_file"
  exit 1
}

case "${ORADMIN_COMMAND:-}" in
  validate)
    # In GitHub Actions, oradmin prints each error as an ::error annotation on stdout, and the
    # human-readable messages on stderr.
    oradmin validate -f "$ORADMIN_FILE" "${extra[@]}" > "$work/validate.out" 2>&1
    code=$?
    show "$work/validate.out"
    echo "exit-code=$code" >> "$output_file"
    exit "$code"
    ;;
  plan)
    need_key
    make_plan
    echo "exit-code=$code" >> "$output_file"
    show "$work/plan.md"
    # No plan was made (an invalid file, an API failure): the annotations above say why.
    is_plan || exit 1
    # A plan, possibly one that apply would refuse (exit 1): reviewers see it either way.
    summary_md >> "$summary_file"
    comment_md > "$work/comment.md"
    echo "has-changes=$([ "$code" -eq 2 ] && echo true || echo false)" >> "$output_file"
    [ -f "$work/plan.json" ] && echo "summary=$(counts "$work/plan.json")" >> "$output_file"
    echo "plan-markdown=$work/plan.md" >> "$output_file"
    echo "comment-markdown=$work/comment.md" >> "$output_file"
    echo "planfile=$work/plan.json" >> "$output_file"
    if [ "${ORADMIN_PR_COMMENT:-false}" = "true" ]; then
      quiet
      "$GITHUB_ACTION_PATH/scripts/action/sticky-comment.sh" "$work/comment.md" 2>&1
      comment=$?
      loud
      [ "$comment" -eq 0 ] || exit 1
    fi
    [ "$code" -eq 1 ] && exit 1
    exit 0
    ;;
  apply)
    need_key
    reviewed="${ORADMIN_PLANFILE:-}"
    if [ -n "$reviewed" ] && [ -f "$reviewed" ]; then
      # The plan reviewed in the pull request, applied exactly when it is still fresh (apply checks
      # that the file and the organization are as they were, and that the planfile is unedited).
      cp "$reviewed" "$work/plan.json"
      oradmin show "$work/plan.json" -o markdown > "$work/plan.md" 2>/dev/null
      code=2
      echo "reviewed=true" >> "$output_file"
    else
      # Plan first, then apply exactly that plan: apply refuses it if anything changed in between.
      make_plan
      if ! is_plan || [ "$code" -eq 1 ]; then
        show "$work/plan.md"
        echo "exit-code=1" >> "$output_file"
        exit 1
      fi
      echo "reviewed=false" >> "$output_file"
    fi
    echo "summary=$(counts "$work/plan.json")" >> "$output_file"
    echo "plan-markdown=$work/plan.md" >> "$output_file"
    echo "planfile=$work/plan.json" >> "$output_file"
    if [ "$code" -eq 0 ]; then
      { summary_md; echo; echo "Nothing to apply."; } >> "$summary_file"
      echo "has-changes=false" >> "$output_file"
      echo "exit-code=0" >> "$output_file"
      exit 0
    fi
    echo "has-changes=true" >> "$output_file"
    quiet
    oradmin apply "$work/plan.json" -f "$ORADMIN_FILE" --auto-approve --log-file "$work/audit.jsonl" "${extra[@]}" > "$work/apply.out" 2>&1
    code=$?
    cat "$work/apply.out"
    loud
    if [ "$code" -ne 0 ] && [ -n "$reviewed" ] && grep -q 'the plan is stale' "$work/apply.out"; then
      # The organization or the file moved on since the review: plan again and apply that, and
      # say so where the reviewers look.
      stale=$(grep -o 'the plan is stale: [^;]*' "$work/apply.out" | head -n 1)
      echo "stale=$(gh_escape "$stale")" >> "$output_file"
      make_plan
      if ! is_plan || [ "$code" -eq 1 ]; then
        show "$work/plan.md"
        echo "exit-code=1" >> "$output_file"
        exit 1
      fi
      if [ "$code" -eq 2 ]; then
        quiet
        oradmin apply "$work/plan.json" -f "$ORADMIN_FILE" --auto-approve --log-file "$work/audit.jsonl" "${extra[@]}" 2>&1
        code=$?
        loud
      else
        code=0
      fi
      { echo "The plan reviewed in the pull request was stale ($stale), so a new plan was made and applied:"; echo; } >> "$summary_file"
    fi
    echo "exit-code=$code" >> "$output_file"
    {
      summary_md
      echo
      if [ "$code" -eq 0 ]; then echo "**Applied.** A new plan is empty."; else echo "**Apply failed** (exit $code): see the job log for what was done and what was not."; fi
    } >> "$summary_file"
    exit "$code"
    ;;
  rotate)
    # Key lifecycle work only (oradmin rotate): with args "--due", exactly what is due by time.
    # rotate prints its plan first, so the summary is the plan and its outcome.
    need_key
    oradmin rotate -f "$ORADMIN_FILE" -o markdown --auto-approve --log-file "$work/audit.jsonl" "${extra[@]}" 2> "$work/rotate.err" > "$work/rotate.md"
    code=$?
    # As for plan: oradmin's own annotations (an invalid file) take effect, the rest is wrapped.
    cat "$work/rotate.err" >> "$work/rotate.md"
    show "$work/rotate.md"
    echo "exit-code=$code" >> "$output_file"
    # The audit log has one line per operation done.
    done_any=$([ -s "$work/audit.jsonl" ] && echo true || echo false)
    echo "has-changes=$done_any" >> "$output_file"
    # The summary gets the plan rotate printed (never annotations or raw errors), cut to fit.
    if head -n 1 "$work/rotate.md" | grep -qxF '<!-- oradmin-plan -->'; then
      grep -v -E '^::(error|warning|notice) file=' "$work/rotate.md" | head -c "$SUMMARY_MAX" >> "$summary_file"
      echo >> "$summary_file"
    fi
    if [ "$code" -ne 0 ]; then echo "**Rotate failed** (exit $code): see the job log for what was done and what was not." >> "$summary_file"
    elif [ "$done_any" = true ]; then echo "**Rotated.** A new plan has nothing due." >> "$summary_file"
    else echo "Nothing was due." >> "$summary_file"
    fi
    exit "$code"
    ;;
  *)
    echo "::error::oradmin action: command must be validate, plan, apply or rotate (got \"$(gh_escape "${ORADMIN_COMMAND:-}")\")"
    exit 1
    ;;
esac
