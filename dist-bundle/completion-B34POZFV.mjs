import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import "./chunk-IVK2YKFB.mjs";

// src/cli/completion.ts
var SHELLS = ["bash", "zsh", "fish"];
var FILE_OPTIONS = /* @__PURE__ */ new Set(["--file", "--out", "--secrets-out", "--log-file", "--seed"]);
function optionSpec(o) {
  const flags = [o.short, o.long].filter((f) => typeof f === "string");
  const takesValue = o.required || o.optional;
  return {
    flags,
    description: o.description,
    ...takesValue ? { value: { ...o.argChoices ? { choices: o.argChoices } : {}, file: flags.some((f) => FILE_OPTIONS.has(f)) } } : {}
  };
}
function specOf(program) {
  const global = program.options.map(optionSpec);
  const commands = program.commands.filter((c) => c.name() !== "help").map((c) => ({
    name: c.name(),
    description: c.description().split("\n")[0],
    options: c.options.map(optionSpec),
    argChoices: c.registeredArguments[0]?.argChoices ?? []
  }));
  return { global, commands };
}
function completionScript(program, shell) {
  const spec = specOf(program);
  switch (shell) {
    case "bash":
      return bash(spec);
    case "zsh":
      return zsh(spec);
    case "fish":
      return fish(spec);
  }
}
var sq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
function bash(spec) {
  const globalFlags = spec.global.flatMap((o) => o.flags).join(" ");
  const globalWithValue = spec.global.filter((o) => o.value).flatMap((o) => o.flags).join("|");
  const cases = spec.commands.map((c) => `    ${c.name}) opts=${sq([...c.argChoices, ...c.options.flatMap((o) => o.flags), "--help"].join(" "))} ;;`).join("\n");
  const values = [...spec.global, ...spec.commands.flatMap((c) => c.options)].filter((o) => o.value).flatMap((o) => o.flags.map((f) => `    ${f}) ${o.value.choices ? `COMPREPLY=($(compgen -W ${sq(o.value.choices.join(" "))} -- "$cur"))` : o.value.file ? 'COMPREPLY=($(compgen -f -- "$cur"))' : "COMPREPLY=()"}; return ;;`));
  return `# oradmin completion for bash: source it, e.g. from ~/.bashrc:
#   source <(oradmin completion bash)
_oradmin() {
  local cur prev cmd i opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${[...new Set(values)].join("\n")}
  esac
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${globalWithValue}) i=$((i + 1)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [ -z "$cmd" ]; then
    COMPREPLY=($(compgen -W ${sq([...spec.commands.map((c) => c.name), ...spec.global.flatMap((o) => o.flags), "--help"].join(" "))} -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  COMPREPLY=($(compgen -W "$opts ${globalFlags}" -- "$cur"))
}
complete -F _oradmin oradmin
`;
}
function zshArg(o) {
  const desc = o.description.replace(/[[\]:']/g, " ").replace(/\s+/g, " ").trim();
  const action = o.value ? o.value.choices ? `:value:(${o.value.choices.join(" ")})` : o.value.file ? ":file:_files" : ":value: " : "";
  return o.flags.map((f) => sq(`${f}[${desc}]${action}`));
}
function zsh(spec) {
  const globalArgs = spec.global.flatMap(zshArg).join(" \\\n    ");
  const commandList = spec.commands.map((c) => `    ${sq(`${c.name}:${c.description.replace(/:/g, " ")}`)}`).join("\n");
  const cases = spec.commands.map((c) => `    ${c.name}) _arguments ${[...c.options.flatMap(zshArg), c.argChoices.length > 0 ? sq(`1:value:(${c.argChoices.join(" ")})`) : `'*:file:_files'`].join(" ")} ;;`).join("\n");
  return `#compdef oradmin
# oradmin completion for zsh: put it on your fpath as _oradmin, or:
#   source <(oradmin completion zsh)
_oradmin() {
  local -a commands
  commands=(
${commandList}
  )
  _arguments -C \\
    ${globalArgs} \\
    '1:command:->command' \\
    '*::arg:->args'
  case $state in
    command) _describe 'oradmin command' commands ;;
    args)
      case $words[1] in
${cases}
      esac
      ;;
  esac
}
if [ "$funcstack[1]" = "_oradmin" ]; then _oradmin "$@"; else compdef _oradmin oradmin; fi
`;
}
function fishLine(o, condition) {
  const parts = ["complete -c oradmin", condition];
  for (const f of o.flags) parts.push(f.startsWith("--") ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`);
  if (o.value) parts.push(o.value.choices ? `-x -a ${sq(o.value.choices.join(" "))}` : o.value.file ? "-r -F" : "-x");
  parts.push(`-d ${sq(o.description)}`);
  return parts.join(" ");
}
function fish(spec) {
  const lines = [
    "# oradmin completion for fish: save as ~/.config/fish/completions/oradmin.fish, or:",
    "#   oradmin completion fish | source",
    "complete -c oradmin -f",
    ...spec.commands.map((c) => `complete -c oradmin -n '__fish_use_subcommand' -a ${c.name} -d ${sq(c.description)}`),
    ...spec.global.map((o) => fishLine(o, "")),
    ...spec.commands.flatMap((c) => c.options.map((o) => fishLine(o, `-n '__fish_seen_subcommand_from ${c.name}'`))),
    ...spec.commands.filter((c) => c.argChoices.length > 0).map((c) => `complete -c oradmin -n '__fish_seen_subcommand_from ${c.name}' -a ${sq(c.argChoices.join(" "))}`)
  ];
  return `${lines.map((l) => l.replace(/ {2,}/g, " ")).join("\n")}
`;
}
export {
  SHELLS,
  completionScript
};
