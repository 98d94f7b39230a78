// Seeding: a YAML or JSON document (seed-schema.ts) → a fresh SandboxState. Sections are applied
// in dependency order through the state's own helpers, so a seed obeys the API's rules (unique
// slugs, budget order, same-workspace bindings); every failure names the section and entry.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SeedDocument } from './seed-schema.js';
import { SandboxState, type SandboxStateOptions } from './state/sandbox-state.js';
import { formatPath } from './validate.js';

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

type ParsedSeed = ReturnType<typeof SeedDocument.parse>;

/** Reads a seed file: JSON when it ends in .json, YAML otherwise. */
export function readSeedFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SeedError(`${path}: cannot read the seed file (${(err as Error).message})`);
  }
  try {
    // A seed is hand-written and small: a handful of aliases is plenty, thousands is a YAML bomb.
    return extname(path).toLowerCase() === '.json' ? JSON.parse(text) : (parseYaml(text, { maxAliasCount: 100 }) ?? {});
  } catch (err) {
    throw new SeedError(`${path}: invalid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
}

/** Validates a seed document; every problem is listed, one per line. */
export function parseSeed(doc: unknown, source = 'seed'): ParsedSeed {
  const result = SeedDocument.safeParse(doc);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (i) => `${source}: ${i.path.length > 0 ? `${formatPath(i.path)}: ` : ''}${i.message}`,
  );
  throw new SeedError(lines.join('\n'));
}

/** A new organization from a seed (a document, or the path of a YAML/JSON file). */
export function createSeededState(
  seed: SeedDocument | string | undefined,
  options: Pick<SandboxStateOptions, 'now' | 'deterministicIds'> = {},
): SandboxState {
  const source = typeof seed === 'string' ? seed : 'seed';
  const doc = parseSeed(typeof seed === 'string' ? readSeedFile(seed) : (seed ?? {}), source);
  const st = attempt(source, 'organization_members', () =>
    new SandboxState({
      ...options,
      organizationId: doc.organization_id,
      orgMembers: doc.organization_members,
      credits: doc.credits,
    }),
  );
  const each = <T>(section: string, items: readonly T[] | undefined, apply: (item: T) => unknown): void =>
    (items ?? []).forEach((item, i) => attempt(source, `${section}[${i}]`, () => apply(item)));

  each('workspaces', doc.workspaces, (w) => {
    if (w.slug !== 'default') return st.addWorkspace(w);
    // The default workspace always exists: its entry only sets its name and settings.
    const { slug: _slug, created_at, ...settings } = w;
    st.updateWorkspace('default', settings);
    if (created_at !== undefined) st.defaultWorkspace.created_at = new Date(created_at).toISOString();
    st.defaultWorkspace.updated_at = null;
    return undefined;
  });
  each('workspace_members', doc.workspace_members, (m) => st.addWorkspaceMember(m.workspace, m.member));
  each('budgets', doc.budgets, (b) => st.setBudget(b.workspace, b.interval, b.limit_usd, b.include_byok_in_budgets));
  each('guardrails', doc.guardrails, (g) => st.addGuardrail(g));
  each('default_guardrails', Object.entries(doc.default_guardrails ?? {}), ([slug, fields]) =>
    st.setDefaultGuardrail(slug, fields),
  );
  each('keys', doc.keys, (k) => st.addKey(k));
  // Indexes by name, built once: a benchmark seed binds thousands of keys.
  const keysByName = groupBy([...st.db.keys.values()], (k) => nameKey(k.workspace_id, k.name));
  const guardrails = [...st.db.workspaces.values()].flatMap((ws) => st.guardrailsIn(ws.id));
  const guardrailsByName = groupBy(guardrails, (g) => nameKey(g.workspace_id ?? '', g.name));
  const workspaceId = (slug: string | undefined): string => {
    const ws = st.workspaceByRef(slug ?? 'default');
    if (!ws) throw new Error(`unknown workspace "${slug}"`);
    return ws.id;
  };
  const findKey = (ref: string, slug: string | undefined): string => {
    if (st.db.keys.has(ref)) return ref;
    return only(keysByName.get(nameKey(workspaceId(slug), ref)), 'key', ref, slug, (k) => k.hash);
  };
  const findGuardrail = (name: string, slug: string | undefined): string =>
    only(guardrailsByName.get(nameKey(workspaceId(slug), name)), 'guardrail', name, slug, (g) => g.id);

  each('key_assignments', doc.key_assignments, (a) =>
    st.assignKey(findKey(a.key, a.workspace), findGuardrail(a.guardrail, a.workspace)),
  );
  each('member_assignments', doc.member_assignments, (a) =>
    st.assignMember(a.member, findGuardrail(a.guardrail, a.workspace)),
  );
  each('activity', doc.activity, (a) => st.addActivity(a));
  return st;
}

function attempt<T>(source: string, where: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SeedError) throw err;
    throw new SeedError(`${source}: ${where}: ${(err as Error).message}`);
  }
}

function nameKey(workspaceId: string, name: string): string {
  return `${workspaceId}\u0000${name}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The one key or guardrail with this name; none or several is an error (names are not unique). */
function only<T>(
  matches: T[] | undefined,
  kind: 'key' | 'guardrail',
  name: string,
  slug: string | undefined,
  id: (item: T) => string,
): string {
  const where = `in workspace "${slug ?? 'default'}"`;
  if (matches === undefined) throw new Error(`no ${kind} named "${name}" ${where}`);
  if (matches.length > 1) {
    const ids = matches.map(id).join(', ');
    throw new Error(`${matches.length} ${kind}s are named "${name}" ${where} (${ids}); name one uniquely`);
  }
  return id(matches[0] as T);
}
