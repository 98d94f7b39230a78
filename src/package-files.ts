// Files shipped with oradmin (schemas/, examples/), found from the running code whether it runs
// from src/ (tests), dist/ (a build) or an installed package: the nearest directory above this
// module that holds oradmin's package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'oradmin') return (root = dir);
    if (path.dirname(dir) === dir) throw new Error('oradmin: cannot find its own package.json (a broken install?)');
  }
}

export function packageFile(...segments: string[]): string {
  return path.join(packageRoot(), ...segments);
}
