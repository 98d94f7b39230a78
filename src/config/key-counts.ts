// How many keys parsed desired-state files declare per workspace: a hint for reading /keys ahead
// (api/paginate.ts), taken from the parse before validation, so defensively — nothing is checked yet.
import { DEFAULT_WORKSPACE } from '../default-workspace.js';
import type { ReadTexts } from './read-files.js';

export function keysPerWorkspace(read: ReadTexts): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { fast } of read.texts) {
    const keys = (fast?.value as { keys?: unknown } | null | undefined)?.keys;
    if (!Array.isArray(keys)) continue;
    for (const key of keys) {
      const ws = (key as { workspace?: unknown } | null)?.workspace;
      const slug = typeof ws === 'string' ? ws : DEFAULT_WORKSPACE;
      counts[slug] = (counts[slug] ?? 0) + 1;
    }
  }
  return counts;
}
