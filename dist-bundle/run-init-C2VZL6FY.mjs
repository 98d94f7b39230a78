import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  SCHEMA_FILE,
  gitignoreAdditions,
  starterFile
} from "./chunk-DRKNREC3.mjs";
import {
  terminalText
} from "./chunk-7BIV6K7H.mjs";
import {
  jsonSchema
} from "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";

// src/cli/run-init.ts
import { existsSync as existsSync2 } from "node:fs";
import { appendFile, copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/package-files.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var root;
function packageRoot() {
  if (root) return root;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "oradmin") return root = dir;
    if (path.dirname(dir) === dir) throw new Error("oradmin: cannot find its own package.json (a broken install?)");
  }
}
function packageFile(...segments) {
  return path.join(packageRoot(), ...segments);
}

// src/cli/run-init.ts
var WORKFLOWS = [
  ["plan-on-pr.yml", "oradmin-plan.yml"],
  ["apply-on-merge.yml", "oradmin-apply.yml"],
  ["drift.yml", "oradmin-drift.yml"]
];
async function runInit(io, opts) {
  const dir = path2.dirname(path2.resolve(opts.file));
  const written = [];
  const kept = [];
  const put = async (target, write) => {
    const shown = path2.relative(process.cwd(), target) || target;
    if (existsSync2(target)) return kept.push(shown);
    await mkdir(path2.dirname(target), { recursive: true });
    await write();
    written.push(shown);
  };
  await put(path2.resolve(opts.file), () => writeFile(path2.resolve(opts.file), starterFile(`./${SCHEMA_FILE}`)));
  await put(path2.join(dir, SCHEMA_FILE), () => writeFile(path2.join(dir, SCHEMA_FILE), `${JSON.stringify(jsonSchema(), null, 2)}
`));
  if (opts.workflows) {
    for (const [from, to] of WORKFLOWS) {
      const target = path2.join(dir, ".github", "workflows", to);
      await put(target, () => copyFile(packageFile("examples", "github", from), target));
    }
  }
  const gitignore = path2.join(dir, ".gitignore");
  const existing = existsSync2(gitignore) ? await readFile(gitignore, "utf8") : "";
  const additions = gitignoreAdditions(existing);
  if (additions.length > 0) {
    const lead = existing === "" || existing.endsWith("\n") ? "" : "\n";
    await appendFile(gitignore, `${lead}# oradmin: new keys' secrets, never committed
${additions.join("\n")}
`);
    written.push(`${path2.relative(process.cwd(), gitignore) || gitignore} (+ ${additions.join(", ")})`);
  }
  for (const w of written) io.stderr.write(`wrote ${terminalText(w)}
`);
  for (const k of kept) io.stderr.write(`kept ${terminalText(k)} (it exists; init never overwrites)
`);
  io.stderr.write(`Next: edit ${terminalText(opts.file)}, run \`oradmin validate\`, then \`oradmin plan\` with OPENROUTER_MANAGEMENT_KEY set.
`);
  return 0;
}
export {
  runInit
};
