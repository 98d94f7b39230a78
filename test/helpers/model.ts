// A model of the live organization for property tests of the pure planner: applies a plan's
// operations to a LiveState the way the API would, from the operations' own data only.
import type { LiveGuardrail, LiveState, ResetInterval } from '../../src/core/live.js';
import type { Operation } from '../../src/core/types.js';
import { guardrailSettingsBody } from '../../src/resources/guardrail-settings.js';
import { fakeId, newWorkspace } from './live-builder.js';

let seq = 0;

export function applyToModel(state: LiveState, ops: readonly Operation[]): LiveState {
  const s: LiveState = structuredClone(state);
  const ws = (slug: string) => {
    const w = s.workspaces.find((x) => x.slug === slug);
    if (!w) throw new Error(`model: no workspace ${slug}`);
    return w;
  };
  const guardrailIn = (slug: string, name: string) => {
    const id = ws(slug).id;
    const g = s.guardrails.find((x) => x.workspace_id === id && x.name === name && !s.workspaces.some((w) => w.default_guardrail_id === x.id));
    if (!g) throw new Error(`model: no guardrail ${slug}/${name}`);
    return g;
  };
  const fields = (op: Operation) => op.exec.fields as Record<string, unknown>;
  for (const op of ops) {
    const slug = op.exec.workspace as string;
    switch (`${op.kind}:${op.action}`) {
      case 'workspace:create': {
        const id = fakeId(`model-ws:${slug}:${seq++}`);
        s.workspaces.push({ ...newWorkspace(id, slug, 'now'), name: (fields(op).name as string) ?? slug, ...withoutByok(fields(op)) });
        s.budgetSettings[id] = { include_byok_in_budgets: false };
        break;
      }
      case 'workspace:update': {
        const w = ws(slug);
        Object.assign(w, withoutByok(fields(op)));
        if (fields(op).include_byok_in_budgets !== undefined) s.budgetSettings[w.id] = { include_byok_in_budgets: fields(op).include_byok_in_budgets as boolean };
        break;
      }
      case 'workspace:delete': {
        const w = ws(slug);
        s.workspaces = s.workspaces.filter((x) => x !== w);
        const gone = new Set(s.keys.filter((k) => k.workspace_id === w.id).map((k) => k.hash));
        s.keys = s.keys.filter((k) => k.workspace_id !== w.id);
        const gGone = new Set(s.guardrails.filter((g) => g.workspace_id === w.id).map((g) => g.id));
        s.guardrails = s.guardrails.filter((g) => g.workspace_id !== w.id);
        s.budgets = s.budgets.filter((b) => b.workspace_id !== w.id);
        s.workspaceMembers = s.workspaceMembers.filter((m) => m.workspace_id !== w.id);
        s.keyAssignments = s.keyAssignments.filter((a) => !gone.has(a.key_hash) && !gGone.has(a.guardrail_id));
        s.memberAssignments = s.memberAssignments.filter((a) => !gGone.has(a.guardrail_id));
        break;
      }
      case 'workspace_budget:create':
      case 'workspace_budget:update': {
        const w = ws(slug);
        const interval = op.exec.interval as string;
        const reset = interval === 'lifetime' ? null : (interval as ResetInterval);
        s.budgets = s.budgets.filter((b) => !(b.workspace_id === w.id && b.reset_interval === reset));
        s.budgets.push({ id: fakeId(`b${seq++}`), workspace_id: w.id, limit_usd: op.exec.limit_usd as number, reset_interval: reset, created_at: 'now', updated_at: 'now' });
        if (op.exec.include_byok_in_budgets !== undefined) s.budgetSettings[w.id] = { include_byok_in_budgets: op.exec.include_byok_in_budgets as boolean };
        checkBudgetOrder(s, w.id, op.address);
        break;
      }
      case 'workspace_budget:delete': {
        const w = ws(slug);
        const interval = op.exec.interval as string;
        s.budgets = s.budgets.filter((b) => !(b.workspace_id === w.id && (b.reset_interval ?? 'lifetime') === interval));
        break;
      }
      case 'workspace_member:create':
        s.workspaceMembers.push({ id: fakeId(`wm${seq++}`), workspace_id: ws(slug).id, user_id: op.exec.user_id as string, role: 'member', created_at: 'now' });
        break;
      case 'workspace_member:delete':
        s.workspaceMembers = s.workspaceMembers.filter((m) => !(m.workspace_id === ws(slug).id && m.user_id === op.exec.user_id));
        break;
      case 'workspace_default_guardrail:update': {
        const w = ws(slug);
        s.guardrails = s.guardrails.filter((g) => g.id !== w.default_guardrail_id);
        s.guardrails.push(guardrailFrom(w.default_guardrail_id, `${w.name} default guardrail`, w.id, fields(op)));
        break;
      }
      case 'guardrail:create':
        s.guardrails.push(guardrailFrom(fakeId(`g${seq++}`), op.exec.name as string, ws(slug).id, fields(op)));
        break;
      case 'guardrail:update': {
        const g = guardrailIn(slug, op.exec.name as string);
        Object.assign(g, guardrailSettingsBody(fields(op)));
        break;
      }
      case 'guardrail:delete': {
        const g = guardrailIn(slug, op.exec.name as string);
        s.guardrails = s.guardrails.filter((x) => x !== g);
        s.keyAssignments = s.keyAssignments.filter((a) => a.guardrail_id !== g.id);
        s.memberAssignments = s.memberAssignments.filter((a) => a.guardrail_id !== g.id);
        break;
      }
      case 'guardrail_member:assign': {
        const g = guardrailIn(slug, op.exec.guardrail as string);
        s.memberAssignments.push({ id: fakeId(`ma${seq++}`), user_id: op.exec.user_id as string, organization_id: 'o', guardrail_id: g.id, assigned_by: null, created_at: 'now' });
        break;
      }
      case 'guardrail_member:unassign':
        s.memberAssignments = s.memberAssignments.filter((a) => !(a.guardrail_id === op.exec.guardrail_id && a.user_id === op.exec.user_id));
        break;
      case 'key:create':
      case 'key:replace': {
        if (op.action === 'replace') removeKey(s, op.exec.hash as string);
        const f = fields(op);
        const hash = fakeId(`k${seq++}`).replace(/-/g, '');
        s.keys.push({
          hash, name: op.exec.name as string, label: 'x', disabled: f.disabled as boolean, limit: f.limit as number | null, limit_remaining: null,
          limit_reset: f.limit_reset as string | null, include_byok_in_limit: f.include_byok_in_limit as boolean, usage: 0, usage_daily: 0, usage_weekly: 0,
          usage_monthly: 0, byok_usage: 0, byok_usage_daily: 0, byok_usage_weekly: 0, byok_usage_monthly: 0, created_at: 'now', updated_at: null,
          expires_at: f.expires_at as string | null, creator_user_id: (op.exec.creator_user_id as string | undefined) ?? null, workspace_id: ws(slug).id,
        });
        if (typeof op.exec.guardrail === 'string') {
          const g = guardrailIn(slug, op.exec.guardrail);
          s.keyAssignments.push({ id: fakeId(`ka${seq++}`), key_hash: hash, guardrail_id: g.id, key_name: op.exec.name as string, key_label: 'x', assigned_by: null, created_at: 'now' });
        }
        break;
      }
      case 'key:update': {
        const k = s.keys.find((x) => x.hash === op.exec.hash)!;
        const f = fields(op);
        for (const field of ['limit', 'limit_reset', 'include_byok_in_limit', 'disabled'] as const) (k as Record<string, unknown>)[field] = f[field];
        break;
      }
      case 'key:disable':
        s.keys.find((x) => x.hash === op.exec.hash)!.disabled = true;
        break;
      case 'key:delete':
        removeKey(s, op.exec.hash as string);
        break;
      case 'key_guardrail:assign': {
        const hash = op.exec.hash as string;
        const g = guardrailIn(slug, op.exec.guardrail as string);
        s.keyAssignments = s.keyAssignments.filter((a) => a.key_hash !== hash);
        s.keyAssignments.push({ id: fakeId(`ka${seq++}`), key_hash: hash, guardrail_id: g.id, key_name: 'x', key_label: 'x', assigned_by: null, created_at: 'now' });
        break;
      }
      case 'key_guardrail:unassign':
        s.keyAssignments = s.keyAssignments.filter((a) => a.key_hash !== op.exec.hash);
        break;
      default:
        throw new Error(`model: no rule for ${op.kind}:${op.action}`);
    }
  }
  return s;
}

function withoutByok(f: Record<string, unknown>): Record<string, unknown> {
  const { include_byok_in_budgets: _b, ...rest } = f;
  return rest;
}

function removeKey(s: LiveState, hash: string): void {
  s.keys = s.keys.filter((k) => k.hash !== hash);
  s.keyAssignments = s.keyAssignments.filter((a) => a.key_hash !== hash);
}

function guardrailFrom(id: string, name: string, workspaceId: string, fields: Record<string, unknown>): LiveGuardrail {
  return { id, name, workspace_id: workspaceId, created_at: 'now', ...(guardrailSettingsBody(fields) as Partial<LiveGuardrail>), include_byok_in_budgets: (fields.include_byok_in_budgets as boolean) ?? false };
}

/** The API refuses a budget write that breaks lifetime > monthly > weekly > daily: so does the model. */
function checkBudgetOrder(s: LiveState, workspaceId: string, at: string): void {
  const order = [null, 'monthly', 'weekly', 'daily'];
  const limits = order
    .map((i) => s.budgets.find((b) => b.workspace_id === workspaceId && b.reset_interval === i)?.limit_usd)
    .filter((v): v is number => v !== undefined);
  for (let i = 1; i < limits.length; i++) {
    if (!(limits[i]! < limits[i - 1]!)) throw new Error(`model: budget order broken by ${at}: ${limits.join(' > ')}`);
  }
}
