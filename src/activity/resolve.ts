// The names a user gives to `oradmin activity` — a workspace slug, a key address, a member's e-mail —
// turned into the ids GET /activity filters by (workspace_id, api_key_hash, user_id). Pure: the
// lists are read by the command. A name that matches nothing is an error that lists what exists,
// nearest first, because a typo is the likely cause.
import { editDistance } from '../config/suggest.js';
import type { LiveKey } from '../core/live.js';
import { OradminError } from '../errors.js';

/** At most this many names are listed in an error. */
const LISTED = 10;

/** `given` is how the user wrote it, for the message: `--workspace research`, `--key key.research/bot`. */
export function resolveWorkspace<W extends { id: string; slug: string }>(slug: string, workspaces: readonly W[], given = `--workspace ${slug}`): W {
  const found = workspaces.find((w) => w.slug === slug);
  if (found) return found;
  const what = given === `--workspace ${slug}` ? 'no such workspace' : `no workspace ${slug}`;
  throw new OradminError(`${given}: ${what} (${existing(slug, workspaces.map((w) => w.slug), 'workspace')})`);
}

export interface KeyAddress {
  slug: string;
  name: string;
}

/** `key.<workspace-slug>/<name>`; the name may itself hold a slash. */
export function parseKeyAddress(text: string): KeyAddress {
  const m = /^key\.([^/]+)\/(.+)$/s.exec(text);
  if (m) return { slug: m[1]!, name: m[2]! };
  const example = text.includes('/') ? `key.${text}` : `key.default/${text}`;
  throw new OradminError(`--key ${text}: not a key address; write key.<workspace>/<name>, e.g. ${example}`);
}

export function resolveKey(addr: KeyAddress, keys: readonly LiveKey[]): LiveKey {
  const named = keys.filter((k) => k.name === addr.name);
  const text = `key.${addr.slug}/${addr.name}`;
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    // Names are not unique in the API; guessing would report another key's spend.
    throw new OradminError(
      `--key ${text}: ${named.length} keys in workspace ${addr.slug} have this name (hashes ${named.map((k) => `${k.hash.slice(0, 12)}…`).join(', ')}); rename one so that the address names a single key`,
    );
  }
  const names = keys.map((k) => `key.${addr.slug}/${k.name}`);
  throw new OradminError(`--key ${text}: no such key (${existing(text, names, 'key', `in workspace ${addr.slug}`)})`);
}

export function resolveMember<M extends { id: string; email: string }>(ref: string, members: readonly M[]): M {
  const lower = ref.toLowerCase();
  // E-mail addresses compare without case; a user id is accepted too, as in the desired-state file.
  const found = members.find((m) => m.email.toLowerCase() === lower) ?? members.find((m) => m.id === ref);
  if (found) return found;
  throw new OradminError(`--member ${ref}: not an organization member (${existing(ref, members.map((m) => m.email), 'member')})`);
}

/** "members: a, b, c and 12 more", nearest to `input` first; "there are no keys in workspace x". */
function existing(input: string, names: readonly string[], noun: string, where = ''): string {
  const unique = [...new Set(names)];
  if (unique.length === 0) return `there are no ${noun}s${where ? ` ${where}` : ''}`;
  const lower = input.toLowerCase();
  const ranked = unique
    .map((name) => ({ name, d: editDistance(lower, name.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((x) => x.name);
  const shown = ranked.slice(0, LISTED).join(', ');
  const more = ranked.length > LISTED ? ` and ${ranked.length - LISTED} more` : '';
  return `${noun}s${where ? ` ${where}` : ''}, nearest first: ${shown}${more}`;
}
