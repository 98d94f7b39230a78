// Rules beyond the schema: identities are unique, references resolve, and the API's own
// constraints that can be checked offline hold (budget order, one workspace per key and guardrail,
// no explicit members on the default workspace). Kept apart from the schema so that each rule
// reports at the node it concerns, all of them at once.
import type { FileConfig } from './schema.js';
import { BUDGET_INTERVALS, DEFAULT_WORKSPACE } from './schema.js';
import type { Finding } from './zod-messages.js';
import type { Locate } from './merge.js';
import { closest } from './suggest.js';
import { LEASE_PREFIX, PENDING_PREFIX, PREDECESSOR_PREFIX } from '../reserved-prefixes.js';
import { lifecycleRules } from './lifecycle-rules.js';


export function checkRules(config: FileConfig, locate: Locate, now: Date): Finding[] {
  const out: Finding[] = [];
  const where = (path: (string | number)[]) => {
    const p = locate(path);
    return `${p.file}:${p.line}:${p.col}`;
  };

  if (config.secrets?.file !== undefined && config.secrets.command !== undefined) {
    out.push({ path: ['secrets', 'command'], atKey: true, message: 'secrets takes either file or command, not both' });
  }
  if (config.unmanaged?.members === 'ignore') {
    out.push({
      path: ['unmanaged', 'members'],
      severity: 'warning',
      message:
        'unmanaged.members: ignore no longer keeps members a declared list leaves out: a declared members list is the complete set, ' +
        'and unlisted members are removed; list them, or match them with ignore.members',
    });
  }

  // Workspaces: unique slugs; the default workspace's membership is implicit.
  const workspaces = config.workspaces ?? [];
  const declaredSlugs = new Map<string, number>();
  const absentSlugs = new Set(workspaces.filter((w) => w.absent).map((w) => w.slug));
  workspaces.forEach((ws, i) => {
    out.push(...absentOnly(ws, ['workspaces', i], ['slug'], `workspace "${ws.slug}"`));
    if (ws.absent && ws.slug === DEFAULT_WORKSPACE) {
      out.push({ path: ['workspaces', i, 'absent'], atKey: true, message: 'the default workspace always exists and cannot be deleted; remove absent: true' });
    }
    const first = declaredSlugs.get(ws.slug);
    if (first !== undefined) {
      out.push({ path: ['workspaces', i, 'slug'], message: `workspace "${ws.slug}" is already declared at ${where(['workspaces', first, 'slug'])}` });
    } else {
      declaredSlugs.set(ws.slug, i);
    }
    if (ws.slug === DEFAULT_WORKSPACE && ws.members !== undefined) {
      out.push({
        path: ['workspaces', i, 'members'],
        atKey: true,
        message: 'members are not allowed on the default workspace: every organization member belongs to it implicitly',
      });
    }
    if (ws.members) out.push(...duplicates(ws.members, ['workspaces', i, 'members'], 'member', where));
    if (ws.budgets) out.push(...budgetOrder(ws.budgets, ['workspaces', i, 'budgets']));
    if (ws.include_byok_in_budgets !== undefined && Object.keys(ws.budgets ?? {}).length === 0) {
      out.push({
        path: ['workspaces', i, 'include_byok_in_budgets'],
        concerns: ['workspaces', i, 'budgets'],
        atKey: true,
        message: 'include_byok_in_budgets is set through the budget endpoints, so it needs at least one budget under budgets:',
      });
    }
    if (ws.default_guardrail) {
      out.push(...limitWithInterval(ws.default_guardrail, ['workspaces', i, 'default_guardrail']));
    }
  });
  const slugList = [DEFAULT_WORKSPACE, ...[...declaredSlugs.keys()].filter((s) => s !== DEFAULT_WORKSPACE)];
  const knownWorkspace = (slug: string) => slug === DEFAULT_WORKSPACE || declaredSlugs.has(slug);
  const undeclared = (slug: string) => {
    const guess = closest(slug, slugList);
    return guess
      ? `workspace "${slug}" is not declared under workspaces:; did you mean "${guess}"? (declared: ${slugList.join(', ')})`
      : `workspace "${slug}" is not declared under workspaces: (declared: ${slugList.join(', ')}); declare it or use one of these`;
  };

  // Guardrails: unique (workspace, name); workspace declared.
  const guardrailsByWs = new Map<string, Map<string, number>>();
  const absentGuardrails = new Set((config.guardrails ?? []).filter((g) => g.absent).map((g) => `${g.workspace ?? DEFAULT_WORKSPACE}/${g.name}`));
  (config.guardrails ?? []).forEach((g, i) => {
    const ws = g.workspace ?? DEFAULT_WORKSPACE;
    if (!knownWorkspace(ws)) out.push({ path: ['guardrails', i, 'workspace'], message: undeclared(ws) });
    out.push(...absentOnly(g, ['guardrails', i], ['name', 'workspace'], `guardrail "${g.name}"`));
    if (g.name.startsWith(RESERVED_GUARDRAIL_PREFIX)) out.push({ path: ['guardrails', i, 'name'], message: reserved(g.name, RESERVED_GUARDRAIL_PREFIX) });
    if (!g.absent && absentSlugs.has(ws)) out.push({ path: ['guardrails', i, 'workspace'], message: inAbsentWorkspace(ws) });
    const names = guardrailsByWs.get(ws) ?? new Map<string, number>();
    guardrailsByWs.set(ws, names);
    const first = names.get(g.name);
    if (first !== undefined) {
      out.push({
        path: ['guardrails', i, 'name'],
        message: `guardrail "${g.name}" is already declared in workspace "${ws}" at ${where(['guardrails', first, 'name'])}`,
      });
    } else {
      names.set(g.name, i);
    }
    out.push(...limitWithInterval(g, ['guardrails', i]));
    if (g.members) out.push(...duplicates(g.members, ['guardrails', i, 'members'], 'member', where));
  });
  out.push(...memberGuardrailRules(config, where));

  // Keys: unique (workspace, name); workspace declared; guardrail in the same workspace.
  const keysByWs = new Map<string, Map<string, number>>();
  (config.keys ?? []).forEach((k, i) => {
    const ws = k.workspace ?? DEFAULT_WORKSPACE;
    if (!knownWorkspace(ws)) out.push({ path: ['keys', i, 'workspace'], message: undeclared(ws) });
    out.push(...absentOnly(k, ['keys', i], ['name', 'workspace'], `key "${k.name}"`));
    for (const prefix of RESERVED_KEY_PREFIXES) {
      if (k.name.startsWith(prefix)) out.push({ path: ['keys', i, 'name'], message: reserved(k.name, prefix) });
    }
    if (!k.absent && absentSlugs.has(ws)) out.push({ path: ['keys', i, 'workspace'], message: inAbsentWorkspace(ws) });
    const names = keysByWs.get(ws) ?? new Map<string, number>();
    keysByWs.set(ws, names);
    const first = names.get(k.name);
    if (first !== undefined) {
      out.push({
        path: ['keys', i, 'name'],
        message: `key "${k.name}" is already declared in workspace "${ws}" at ${where(['keys', first, 'name'])}`,
      });
    } else {
      names.set(k.name, i);
    }
    if (typeof k.guardrail === 'string' && absentGuardrails.has(`${ws}/${k.guardrail}`)) {
      out.push({ path: ['keys', i, 'guardrail'], message: `guardrail "${k.guardrail}" is declared absent: true (to be deleted); bind the key to another one or remove the guardrail line` });
    } else if (typeof k.guardrail === 'string') {
      const inWs = guardrailsByWs.get(ws);
      if (!inWs?.has(k.guardrail)) {
        const elsewhere = [...guardrailsByWs.entries()].find(([, names]) => names.has(k.guardrail as string))?.[0];
        const declared = [...(inWs?.keys() ?? [])];
        out.push({
          path: ['keys', i, 'guardrail'],
          message: elsewhere
            ? `guardrail "${k.guardrail}" is in workspace "${elsewhere}", but key "${k.name}" is in workspace "${ws}"; a key and its guardrail must be in the same workspace`
            : `guardrail "${k.guardrail}" is not declared in workspace "${ws}"` +
              (closest(k.guardrail, declared) ? `; did you mean "${closest(k.guardrail, declared)}"?` : '') +
              (declared.length ? ` (declared: ${declared.join(', ')})` : ' (no guardrails are declared there)'),
        });
      }
    }
    if (typeof k.expires_at === 'string' && Date.parse(k.expires_at) <= now.getTime()) {
      out.push({
        path: ['keys', i, 'expires_at'],
        severity: 'warning',
        message: `expires_at ${k.expires_at} is in the past: the key has expired, and the API refuses to create a key with it`,
      });
    }
  });
  out.push(...lifecycleRules(config));
  return out;
}

/**
 * The API's rules for member bindings (shared/openrouter-api/README.md, from OpenRouter's Terraform
 * provider documentation): a member has at most one direct guardrail per workspace — assigning a
 * second one moves them, so a file listing them under two would flip-flop on every apply — and
 * outside the default workspace only members of the workspace can be bound. The second rule can be
 * checked offline when the workspace declares its members; plan checks it against live members.
 */
function memberGuardrailRules(config: FileConfig, where: (p: (string | number)[]) => string): Finding[] {
  const out: Finding[] = [];
  const firstByWorkspace = new Map<string, { guardrail: string; path: (string | number)[] }>();
  const declaredMembers = new Map((config.workspaces ?? []).filter((w) => w.members && !w.absent).map((w) => [w.slug, new Set(w.members!.map((m) => m.toLowerCase()))]));
  (config.guardrails ?? []).forEach((g, i) => {
    if (g.absent) return;
    const ws = g.workspace ?? DEFAULT_WORKSPACE;
    (g.members ?? []).forEach((m, j) => {
      const path = ['guardrails', i, 'members', j];
      const key = `${ws}\u0000${m.toLowerCase()}`;
      const first = firstByWorkspace.get(key);
      if (first && first.guardrail !== g.name) {
        out.push({
          path,
          message:
            `member "${m}" is already bound to guardrail "${first.guardrail}" in workspace "${ws}" (${where(first.path)}); ` +
            'a member has one direct guardrail per workspace, and binding a second one moves them: keep one',
        });
      } else if (!first) {
        firstByWorkspace.set(key, { guardrail: g.name, path });
      }
      const members = declaredMembers.get(ws);
      if (ws !== DEFAULT_WORKSPACE && members && !members.has(m.toLowerCase())) {
        out.push({
          path,
          message: `member "${m}" is not in the members of workspace "${ws}", and the API binds only a workspace's members to its guardrails; add them to that workspace's members: or remove them here`,
        });
      }
    });
  });
  return out;
}

/**
 * `absent: true` deletes one object: nothing else may be declared with it, since none of it would
 * be applied (a reviewer would read settings that are never set).
 */
function absentOnly(decl: object & { absent?: boolean }, path: (string | number)[], identity: readonly string[], what: string): Finding[] {
  if (!decl.absent) return [];
  return Object.keys(decl)
    .filter((f) => f !== 'absent' && !identity.includes(f))
    .map((f) => ({
      path: [...path, f],
      atKey: true,
      message: `${what} is declared absent: true (to be deleted), so ${f} has no effect; remove it, or remove absent: true to keep the ${what.split(' ')[0]}`,
    }));
}

/**
 * Names oradmin gives its own objects in the organization (the apply lease, keys being created):
 * a declared object with one would be set apart as oradmin's when read back, and never converge.
 */
const RESERVED_GUARDRAIL_PREFIX = LEASE_PREFIX;
const RESERVED_KEY_PREFIXES = [`${PENDING_PREFIX}:`, `${PREDECESSOR_PREFIX}:`];

function reserved(name: string, prefix: string): string {
  return `"${name}" starts with ${prefix}, which oradmin reserves for its own bookkeeping in the organization; choose another name`;
}

function inAbsentWorkspace(slug: string): string {
  return `workspace "${slug}" is declared absent: true (to be deleted); move this declaration to another workspace or remove absent: true from it`;
}

function duplicates(
  list: readonly string[],
  path: (string | number)[],
  what: string,
  where: (p: (string | number)[]) => string,
): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  list.forEach((item, j) => {
    const norm = item.toLowerCase();
    const first = seen.get(norm);
    if (first !== undefined) {
      out.push({ path: [...path, j], message: `${what} "${item}" is listed twice (first at ${where([...path, first])})` });
    } else {
      seen.set(norm, j);
    }
  });
  return out;
}

/** The API requires budgets to strictly decrease as the interval narrows: lifetime > monthly > weekly > daily. */
function budgetOrder(budgets: Partial<Record<(typeof BUDGET_INTERVALS)[number], number>>, path: (string | number)[]): Finding[] {
  const out: Finding[] = [];
  const declared = BUDGET_INTERVALS.filter((i) => budgets[i] !== undefined);
  for (let n = 1; n < declared.length; n++) {
    const narrower = declared[n]!;
    for (const wider of declared.slice(0, n)) {
      if (budgets[narrower]! >= budgets[wider]!) {
        out.push({
          path: [...path, narrower],
          message: `budgets.${narrower} (${budgets[narrower]}) must be less than budgets.${wider} (${budgets[wider]}): limits must strictly decrease as the interval narrows (lifetime > monthly > weekly > daily)`,
        });
        break;
      }
    }
  }
  return out;
}

/** The API takes `reset_interval` only together with `limit_usd`. */
function limitWithInterval(g: { limit_usd?: number | null; reset_interval?: string | null }, path: (string | number)[]): Finding[] {
  if (g.reset_interval && (g.limit_usd === undefined || g.limit_usd === null)) {
    return [{ path: [...path, 'reset_interval'], concerns: [...path, 'limit_usd'], message: 'reset_interval needs limit_usd: a reset interval only applies to a spending limit' }];
  }
  return [];
}
