// Reading an address (PRODUCT.md section 2) back into its parts. Slugs never hold "/" (SLUG_PATTERN)
// and e-mails never do, so the first "/" ends the workspace and, for member bindings, the last one
// starts the member: names in between may hold "/" themselves.
import type { Kind } from '../core/types.js';
import { KINDS } from '../core/types.js';

export type ParsedAddress =
  | { kind: 'workspace'; workspace: string }
  | { kind: 'workspace_default_guardrail'; workspace: string }
  | { kind: 'workspace_budget'; workspace: string; interval: string }
  | { kind: 'workspace_member'; workspace: string; member: string }
  | { kind: 'guardrail'; workspace: string; name: string }
  | { kind: 'guardrail_member'; workspace: string; name: string; member: string }
  | { kind: 'key'; workspace: string; name: string }
  | { kind: 'key_guardrail'; workspace: string; name: string };

export const ADDRESS_FORMS =
  'workspace.<slug>, workspace_budget.<slug>/<interval>, workspace_member.<slug>/<email>, workspace_default_guardrail.<slug>, ' +
  'guardrail.<slug>/<name>, guardrail_member.<slug>/<guardrail>/<email>, key.<slug>/<name>, key_guardrail.<slug>/<key>';

/** The parts of an address, or a message saying what a valid one looks like. */
export function parseAddress(address: string): ParsedAddress | { error: string } {
  const dot = address.indexOf('.');
  const kind = address.slice(0, dot) as Kind;
  const rest = address.slice(dot + 1);
  const bad = { error: `"${address}" is not an address; addresses look like ${ADDRESS_FORMS}` };
  if (dot <= 0 || !(KINDS as readonly string[]).includes(kind) || rest === '') return bad;
  const slash = rest.indexOf('/');
  const workspace = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? '' : rest.slice(slash + 1);
  switch (kind) {
    case 'workspace':
    case 'workspace_default_guardrail':
      return slash < 0 ? { kind, workspace } : bad;
    case 'workspace_budget':
      return tail ? { kind, workspace, interval: tail } : bad;
    case 'workspace_member':
      return tail ? { kind, workspace, member: tail } : bad;
    case 'guardrail':
    case 'key':
    case 'key_guardrail':
      return tail ? { kind, workspace, name: tail } : bad;
    case 'guardrail_member': {
      const last = tail.lastIndexOf('/');
      return last > 0 && last < tail.length - 1 ? { kind, workspace, name: tail.slice(0, last), member: tail.slice(last + 1) } : bad;
    }
  }
}
