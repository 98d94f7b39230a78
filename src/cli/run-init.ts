// `oradmin init`: a starting point in an empty repository — the desired-state file, its JSON Schema
// beside it for editors, .gitignore entries for the secrets file, and the three GitHub workflows.
// Existing files are never overwritten: each is named and kept.
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchema } from '../config/schema.js';
import { gitignoreAdditions, SCHEMA_FILE, starterFile } from '../init/starter.js';
import { packageFile } from '../package-files.js';
import { terminalText } from '../untrusted.js';
import type { Io } from './context.js';

const WORKFLOWS: readonly [from: string, to: string][] = [
  ['plan-on-pr.yml', 'oradmin-plan.yml'],
  ['apply-on-merge.yml', 'oradmin-apply.yml'],
  ['drift.yml', 'oradmin-drift.yml'],
];

export async function runInit(io: Io, opts: { file: string; workflows: boolean }): Promise<number> {
  const dir = path.dirname(path.resolve(opts.file));
  const written: string[] = [];
  const kept: string[] = [];
  const put = async (target: string, write: () => Promise<void>) => {
    const shown = path.relative(process.cwd(), target) || target;
    if (existsSync(target)) return kept.push(shown);
    await mkdir(path.dirname(target), { recursive: true });
    await write();
    written.push(shown);
  };

  await put(path.resolve(opts.file), () => writeFile(path.resolve(opts.file), starterFile(`./${SCHEMA_FILE}`)));
  await put(path.join(dir, SCHEMA_FILE), () => writeFile(path.join(dir, SCHEMA_FILE), `${JSON.stringify(jsonSchema(), null, 2)}\n`));
  if (opts.workflows) {
    for (const [from, to] of WORKFLOWS) {
      const target = path.join(dir, '.github', 'workflows', to);
      await put(target, () => copyFile(packageFile('examples', 'github', from), target));
    }
  }
  const gitignore = path.join(dir, '.gitignore');
  const existing = existsSync(gitignore) ? await readFile(gitignore, 'utf8') : '';
  const additions = gitignoreAdditions(existing);
  if (additions.length > 0) {
    const lead = existing === '' || existing.endsWith('\n') ? '' : '\n';
    await appendFile(gitignore, `${lead}# oradmin: new keys' secrets, never committed\n${additions.join('\n')}\n`);
    written.push(`${path.relative(process.cwd(), gitignore) || gitignore} (+ ${additions.join(', ')})`);
  }

  for (const w of written) io.stderr.write(`wrote ${terminalText(w)}\n`);
  for (const k of kept) io.stderr.write(`kept ${terminalText(k)} (it exists; init never overwrites)\n`);
  io.stderr.write(`Next: edit ${terminalText(opts.file)}, run \`oradmin validate\`, then \`oradmin plan\` with OPENROUTER_MANAGEMENT_KEY set.\n`);
  return 0;
}
