#!/usr/bin/env bash
# The composite action's one step (action.yml): runs oradmin, writes the job summary and the step
# outputs. The management key stays in the environment; nothing here echoes it or a secret, and
# there is deliberately no `set -x`.
set -uo pipefail

oradmin() { node "$GITHUB_ACTION_PATH/bin/oradmin.js" "$@"; }
read -r -a extra <<< "${ORADMIN_ARGS:-}"
# apply plans first; of the extra arguments only --target applies to that plan (the others, such
# as --allow-replace or --force, are apply's own).
plan_extra=()
for ((i = 0; i < ${#extra[@]}; i++)); do
  case "${extra[$i]}" in
    --target) plan_extra+=("--target" "${extra[$((i + 1))]:-}"); i=$((i + 1)) ;;
    --target=*) plan_extra+=("${extra[$i]}") ;;
  esac
done
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/oradmin-$$"
mkdir -p "$work"
summary_file="${GITHUB_STEP_SUMMARY:-/dev/null}"
output_file="${GITHUB_OUTPUT:-/dev/null}"

# The plan summary counts of a planfile, as one line of JSON.
counts() { node -e 'const p=require(process.argv[1]); process.stdout.write(JSON.stringify(p.plan.summary))' "$1"; }

case "${ORADMIN_COMMAND:-}" in
  validate)
    # In GitHub Actions, oradmin also prints each error as an ::error annotation on stdout.
    oradmin validate -f "$ORADMIN_FILE" "${extra[@]}"
    code=$?
    echo "exit-code=$code" >> "$output_file"
    exit "$code"
    ;;
  plan)
    oradmin plan -f "$ORADMIN_FILE" -o markdown --detailed-exitcode --out "$work/plan.json" "${extra[@]}" > "$work/plan.md"
    code=$?
    echo "exit-code=$code" >> "$output_file"
    if [ "$code" -eq 1 ]; then
      # The markdown was not produced; what is there are the error annotations: show them.
      cat "$work/plan.md"
      exit 1
    fi
    cat "$work/plan.md" >> "$summary_file"
    cat "$work/plan.md"
    echo "has-changes=$([ "$code" -eq 2 ] && echo true || echo false)" >> "$output_file"
    echo "summary=$(counts "$work/plan.json")" >> "$output_file"
    echo "plan-markdown=$work/plan.md" >> "$output_file"
    if [ "${ORADMIN_PR_COMMENT:-false}" = "true" ]; then
      "$GITHUB_ACTION_PATH/scripts/action/sticky-comment.sh" "$work/plan.md" || exit 1
    fi
    exit 0
    ;;
  apply)
    # Plan first, then apply exactly that plan: apply refuses it if anything changed in between.
    oradmin plan -f "$ORADMIN_FILE" -o markdown --detailed-exitcode --out "$work/plan.json" "${plan_extra[@]}" > "$work/plan.md"
    code=$?
    if [ "$code" -eq 1 ]; then
      cat "$work/plan.md"
      echo "exit-code=1" >> "$output_file"
      exit 1
    fi
    echo "summary=$(counts "$work/plan.json")" >> "$output_file"
    echo "plan-markdown=$work/plan.md" >> "$output_file"
    if [ "$code" -eq 0 ]; then
      { cat "$work/plan.md"; echo; echo "Nothing to apply."; } >> "$summary_file"
      echo "has-changes=false" >> "$output_file"
      echo "exit-code=0" >> "$output_file"
      exit 0
    fi
    echo "has-changes=true" >> "$output_file"
    oradmin apply "$work/plan.json" --auto-approve --log-file "$work/audit.jsonl" "${extra[@]}"
    code=$?
    echo "exit-code=$code" >> "$output_file"
    {
      cat "$work/plan.md"
      echo
      if [ "$code" -eq 0 ]; then echo "**Applied.** A new plan is empty."; else echo "**Apply failed** (exit $code): see the job log for what was done and what was not."; fi
    } >> "$summary_file"
    exit "$code"
    ;;
  *)
    echo "::error::oradmin action: command must be validate, plan or apply (got \"${ORADMIN_COMMAND:-}\")"
    exit 1
    ;;
esac
