// The key-lifecycle part of `oradmin status` (PRODUCT.md section 8): per key its rotation state —
// when its secret was last issued, when the next rotation is due, its predecessor and when that
// retires — and the keys of people who left the organization. Pure, from the live state, the file
// (when there is one) and the time; rendered by the functions below for each format.
//
// In `status -o json`, `rotation` is:
//   keys[]          { workspace, name, hash, last_rotated, every, next_due, due, predecessors[] }
//                   keys that rotate (declared with rotation) or have a predecessor; last_rotated is the
//                   current key's created_at (its secret's issue: creation or last rotation)
//     predecessors[] { hash, retire, retires_at, state, usage }   state: retiring | due | waiting (no
//                   successor: an interrupted rotation) | retired (disabled); usage: all time, USD
//   departed[]      { workspace, name, hash, creator_user_id, declared }   keys whose creator is no longer
//                   an organization member; offboarding.keys decides about the undeclared ones
import { keyRotation } from '../config/lifecycle.js';
import type { FileConfig } from '../config/schema.js';
import { DEFAULT_WORKSPACE } from '../config/schema.js';
import type { LiveKey, LiveState } from '../core/live.js';
import { parsePendingName } from '../resources/key-pending.js';
import { isOradminKeyName, parsePredecessorName } from '../resources/key-predecessor.js';
import { mdCellCode, mdCellText, terminalText as t } from '../untrusted.js';

export interface PredecessorState {
  hash: string;
  retire: 'delete' | 'disable';
  /** The current key's created_at plus the overlap; null without a current key. */
  retires_at: string | null;
  state: 'retiring' | 'due' | 'waiting' | 'retired';
  usage: number;
}

export interface KeyLifecycle {
  workspace: string;
  name: string;
  /** The current key's hash; null when only its predecessor is live (an interrupted rotation). */
  hash: string | null;
  last_rotated: string | null;
  /** rotation.every as the file writes it; null when the file declares no rotation for the key. */
  every: string | null;
  next_due: string | null;
  due: boolean;
  predecessors: PredecessorState[];
}

export interface DepartedKey {
  workspace: string;
  name: string;
  hash: string;
  creator_user_id: string;
  declared: boolean;
}

export interface RotationStatus {
  keys: KeyLifecycle[];
  departed: DepartedKey[];
}

/** Whether a live key is a predecessor: status shows it under its key's lifecycle, not as a key of its own. */
export function isPredecessorKey(k: LiveKey): boolean {
  return parsePredecessorName(k.name) !== undefined;
}

export function rotationStatus(live: LiveState, config: FileConfig | undefined, now: Date): RotationStatus {
  const slugOf = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const slug = (k: LiveKey) => slugOf.get(k.workspace_id) ?? k.workspace_id;
  const members = new Set(live.orgMembers.map((m) => m.id));
  const declared = new Map((config?.keys ?? []).filter((k) => !k.absent).map((k) => [`${k.workspace ?? DEFAULT_WORKSPACE}/${k.name}`, k]));
  const current = new Map<string, LiveKey[]>();
  const predecessors = new Map<string, LiveKey[]>();
  for (const k of live.keys) {
    const p = parsePredecessorName(k.name);
    if (p) predecessors.set(`${slug(k)}/${p.name}`, [...(predecessors.get(`${slug(k)}/${p.name}`) ?? []), k]);
    else if (!parsePendingName(k.name)) current.set(`${slug(k)}/${k.name}`, [...(current.get(`${slug(k)}/${k.name}`) ?? []), k]);
  }

  const ids = new Set([...predecessors.keys(), ...[...declared.entries()].filter(([, d]) => config && keyRotation(d, config)).map(([id]) => id)]);
  const keys: KeyLifecycle[] = [];
  for (const id of ids) {
    const [ws, ...rest] = id.split('/');
    const name = rest.join('/');
    const live1 = current.get(id);
    const c = live1?.length === 1 ? live1[0] : undefined;
    const decl = declared.get(id);
    const rotation = decl && config ? keyRotation(decl, config) : undefined;
    if (!c && !predecessors.has(id)) continue; // declared, not created yet
    const created = c ? Date.parse(c.created_at) : Number.NaN;
    const nextDue = rotation && Number.isFinite(created) ? created + rotation.everyMs : undefined;
    keys.push({
      workspace: ws!,
      name,
      hash: c?.hash ?? null,
      last_rotated: c ? iso(created) : null,
      every: rotation?.every ?? null,
      next_due: nextDue === undefined ? null : iso(nextDue),
      due: nextDue !== undefined && nextDue <= now.getTime(),
      predecessors: (predecessors.get(id) ?? [])
        .map((p): PredecessorState => {
          const parsed = parsePredecessorName(p.name)!;
          const retiresAt = Number.isFinite(created) ? created + parsed.overlapMs : undefined;
          const retired = parsed.retire === 'disable' && p.disabled;
          return {
            hash: p.hash,
            retire: parsed.retire,
            retires_at: retiresAt === undefined ? null : iso(retiresAt),
            state: retired ? 'retired' : retiresAt === undefined ? 'waiting' : retiresAt <= now.getTime() ? 'due' : 'retiring',
            usage: p.usage,
          };
        })
        .sort((a, b) => compare(a.state === 'retired' ? 'b' : 'a', b.state === 'retired' ? 'b' : 'a') || compare(a.hash, b.hash)),
    });
  }
  keys.sort((a, b) => byWorkspace(a.workspace, b.workspace) || compare(a.name, b.name));

  const departed = live.keys
    .filter((k) => !isOradminKeyName(k.name) && k.creator_user_id && !members.has(k.creator_user_id))
    .map((k) => ({ workspace: slug(k), name: k.name, hash: k.hash, creator_user_id: k.creator_user_id!, declared: declared.has(`${slug(k)}/${k.name}`) }))
    .sort((a, b) => byWorkspace(a.workspace, b.workspace) || compare(a.name, b.name) || compare(a.hash, b.hash));
  return { keys, departed };
}

/** The section of the text report (after the workspaces' key tables); nothing when there is nothing to say. */
export function rotationText(r: RotationStatus | undefined, bold: (s: string) => string): string[] {
  if (!r || (r.keys.length === 0 && r.departed.length === 0)) return [];
  const out: string[] = [];
  if (r.keys.length > 0) {
    out.push(bold('Key lifecycle'));
    const rows = r.keys.map((k) => [
      t(`${k.workspace}/${k.name}`),
      t(day(k.last_rotated)),
      k.every === null ? '—' : t(k.every),
      k.next_due === null ? '—' : `${t(day(k.next_due))}${k.due ? ' (DUE)' : ''}`,
      t(predecessorText(k)),
    ]);
    out.push(...table(['KEY', 'LAST ROTATED', 'EVERY', 'NEXT DUE', 'PREDECESSOR'], rows), '');
  }
  if (r.departed.length > 0) {
    out.push(bold(`Keys of departed members: ${r.departed.length} key${r.departed.length === 1 ? '' : 's'} whose creator is no longer in the organization`));
    for (const d of r.departed) {
      out.push(`  ${t(`${d.workspace}/${d.name}`)}  created by ${t(d.creator_user_id)}${d.declared ? ' (declared in the file)' : ' (not declared: offboarding.keys decides)'}`);
    }
    out.push('');
  }
  return out;
}

/** The same for a job summary. */
export function rotationMarkdown(r: RotationStatus | undefined): string[] {
  if (!r || (r.keys.length === 0 && r.departed.length === 0)) return [];
  const out: string[] = [];
  if (r.keys.length > 0) {
    out.push('#### Key lifecycle', '', '| key | last rotated | every | next due | predecessor |', '|---|---|---|---|---|');
    for (const k of r.keys) {
      out.push(
        `| ${mdCellCode(`${k.workspace}/${k.name}`)} | ${mdCellText(day(k.last_rotated))} | ${k.every === null ? '—' : mdCellText(k.every)} | ${k.next_due === null ? '—' : `${mdCellText(day(k.next_due))}${k.due ? ' **due**' : ''}`} | ${mdCellText(predecessorText(k))} |`,
      );
    }
    out.push('');
  }
  if (r.departed.length > 0) {
    out.push('#### Keys of departed members', '', '| key | creator | declared |', '|---|---|---|');
    for (const d of r.departed) out.push(`| ${mdCellCode(`${d.workspace}/${d.name}`)} | ${mdCellCode(d.creator_user_id)} | ${d.declared ? 'yes' : 'no'} |`);
    out.push('');
  }
  return out;
}

function predecessorText(k: KeyLifecycle): string {
  const open = k.predecessors.filter((p) => p.state !== 'retired');
  const retired = k.predecessors.length - open.length;
  const parts = open.map((p) =>
    p.state === 'waiting'
      ? `${p.hash.slice(0, 8)}… waiting for its successor (an interrupted rotation)`
      : `${p.hash.slice(0, 8)}… ${p.state === 'due' ? 'due for retirement since' : 'retires'} ${p.retires_at!.replace(/\.\d+Z$/, 'Z')} (${p.retire})`,
  );
  if (retired > 0) parts.push(`${retired} retired (disabled)`);
  return parts.join('; ') || '—';
}

function day(ts: string | null): string {
  return ts === null ? '—' : ts.slice(0, 10);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function byWorkspace(a: string, b: string): number {
  const rank = (s: string) => (s === DEFAULT_WORKSPACE ? 0 : 1);
  return rank(a) - rank(b) || compare(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
