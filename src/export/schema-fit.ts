// Whether an exported entry fits the file format. The API may report values the format does not
// know yet (the reference types some enumerations, such as a workspace's default_provider_sort, as
// plain strings, and OpenRouter adds builtin content filters over time); written as they are, the
// file would not validate. Each entry is checked with the very schema `validate` uses.
import type { z } from 'zod';
import { fileSchema } from '../config/schema.js';
import type { Entry } from './file-entries.js';

type Section = 'workspaces' | 'guardrails' | 'keys';

/** What is wrong with an entry, as `field: problem` lines, or undefined when it fits. */
export function schemaMisfit(section: Section, entry: Entry): string | undefined {
  const issues = issuesOf(section, entry);
  return issues.length === 0 ? undefined : issues.map((i) => describeIssue(i, entry)).join('; ');
}

/**
 * A workspace is never left out (what lives in it names it): a setting that does not fit is
 * dropped instead, which leaves it unmanaged — budgets and default_guardrail alike.
 */
export function fitWorkspace(entry: Entry): { entry: Entry; dropped: string[] } {
  let fitted = entry;
  const dropped: string[] = [];
  for (;;) {
    const issues = issuesOf('workspaces', fitted);
    const field = issues.map((i) => i.path[2]).find((f): f is string => typeof f === 'string' && f !== 'slug' && f in fitted);
    if (field === undefined) return { entry: fitted, dropped };
    dropped.push(describeIssue(issues.find((i) => i.path[2] === field)!, fitted));
    const { [field]: _dropped, ...rest } = fitted;
    // Only a budget write sets include_byok_in_budgets, so the file allows it only beside budgets.
    if (field === 'budgets') delete rest.include_byok_in_budgets;
    fitted = rest;
  }
}

function issuesOf(section: Section, entry: Entry): z.core.$ZodIssue[] {
  const parsed = fileSchema.safeParse({ version: 1, [section]: [entry] });
  return parsed.success ? [] : parsed.error.issues;
}

/** `content_filter_builtins[0].slug "pii-x": Invalid option: …` — the path inside the entry. */
function describeIssue(issue: z.core.$ZodIssue, entry: Entry): string {
  const inner = issue.path.slice(2);
  let value: unknown = entry;
  let where = '';
  for (const seg of inner) {
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
    where += typeof seg === 'number' ? `[${seg}]` : `${where === '' ? '' : '.'}${String(seg)}`;
  }
  const shown = value === undefined || typeof value === 'object' ? '' : ` ${JSON.stringify(value)}`;
  return `${where || 'the entry'}${shown}: ${issue.message}`;
}
