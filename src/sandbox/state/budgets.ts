// Workspace budgets, one per interval. Limits must strictly decrease as the interval narrows
// (lifetime > monthly > weekly > daily); include_byok_in_budgets is one workspace-wide setting
// (reference, upsertWorkspaceBudget).
import { badRequest, notFound } from '../api-error.js';
import type { BudgetInterval, BudgetRecord, WorkspaceRecord } from './records.js';
import { budgetKey } from './db.js';
import type { Store } from './store.js';

export const NARROW_TO_WIDE: readonly BudgetInterval[] = ['daily', 'weekly', 'monthly', 'lifetime'];

/** A workspace's budgets, narrowest interval first. */
export function budgetsOf(st: Store, ws: WorkspaceRecord): BudgetRecord[] {
  return NARROW_TO_WIDE.flatMap((i) => st.db.budgets.get(budgetKey(ws.id, i)) ?? []);
}

export function requireBudget(st: Store, ws: WorkspaceRecord, interval: BudgetInterval): BudgetRecord {
  const budget = st.db.budgets.get(budgetKey(ws.id, interval));
  if (!budget) throw notFound(`Workspace "${ws.slug}" has no ${interval} budget`);
  return budget;
}

export function upsertBudget(
  st: Store,
  ws: WorkspaceRecord,
  interval: BudgetInterval,
  limitUsd: number,
  includeByokInBudgets?: boolean,
): BudgetRecord {
  // Reference: "Spending limit in USD. Must be greater than 0." — in the description only, so
  // checked here, beyond the schema.
  if (!(limitUsd > 0)) throw badRequest('limit_usd: must be greater than 0');
  const rank = NARROW_TO_WIDE.indexOf(interval);
  for (const other of budgetsOf(st, ws)) {
    const otherRank = NARROW_TO_WIDE.indexOf(other.interval);
    if (otherRank === rank) continue;
    const [narrow, narrowLimit, wide, wideLimit] =
      otherRank < rank
        ? [other.interval, other.limit_usd, interval, limitUsd]
        : [interval, limitUsd, other.interval, other.limit_usd];
    if (!(narrowLimit < wideLimit)) {
      throw badRequest(
        `limit_usd: the ${narrow} budget (${narrowLimit}) must be less than the ${wide} budget (${wideLimit}); ` +
          'budget limits must strictly decrease as the interval narrows (lifetime > monthly > weekly > daily)',
      );
    }
  }
  const key = budgetKey(ws.id, interval);
  const now = st.timestamp();
  const existing = st.db.budgets.get(key);
  const record: BudgetRecord = existing
    ? { ...existing, limit_usd: limitUsd, updated_at: now }
    : { id: st.ids.uuid(), workspace_id: ws.id, interval, limit_usd: limitUsd, created_at: now, updated_at: now };
  st.db.budgets.set(key, record);
  if (includeByokInBudgets !== undefined) ws.include_byok_in_budgets = includeByokInBudgets;
  return record;
}

export function deleteBudget(st: Store, ws: WorkspaceRecord, interval: BudgetInterval): void {
  requireBudget(st, ws, interval);
  st.db.budgets.delete(budgetKey(ws.id, interval));
}
