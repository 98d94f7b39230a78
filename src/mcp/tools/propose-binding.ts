// propose_guardrail_binding and propose_guardrail_unbinding: which keys (their `guardrail:` field)
// and which members (the guardrail's `members:` list) a guardrail applies to.
import * as z from 'zod';
import { DEFAULT_WORKSPACE } from '../../config/schema.js';
import { declaredText, type Declared, type DesiredStateEdit } from '../../edit/desired-state-edit.js';
import { YamlEditError } from '../../edit/yaml-text.js';
import type { Proposer } from '../propose.js';
import { defineTool } from '../tool.js';
import { AFTER_EDIT, workspaceArg } from './inputs.js';

const input = z.strictObject({
  guardrail: z.string().min(1).describe('The guardrail\'s name, e.g. "prod-cap".'),
  workspace: workspaceArg,
  keys: z.array(z.string().min(1)).optional().describe('Names of keys declared in the same workspace, e.g. ["ci-bot"].'),
  members: z.array(z.string().min(1)).optional().describe('Organization members by e-mail (or user id), e.g. ["dana@example.com"].'),
});

type Args = z.output<typeof input>;

function targets(edit: DesiredStateEdit, args: Args): { guardrail: Declared; keys: Declared[] } {
  if (!args.keys?.length && !args.members?.length) throw new YamlEditError('give keys, members or both');
  const workspace = args.workspace ?? DEFAULT_WORKSPACE;
  const guardrail: Declared = { kind: 'guardrail', workspace, name: args.guardrail };
  const keys: Declared[] = (args.keys ?? []).map((name) => ({ kind: 'key', workspace, name }));
  for (const k of keys) {
    if (!edit.find(k)) throw new YamlEditError(`${declaredText(k)} is not declared in the file; declare it first with propose_key`);
  }
  if (args.members?.length && !edit.find(guardrail)) {
    throw new YamlEditError(`${declaredText(guardrail)} is not declared in the file; declare it first with propose_guardrail`);
  }
  return { guardrail, keys };
}

export function proposeBindingTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_guardrail_binding',
    title: 'Propose binding keys or members to a guardrail',
    description:
      "Bind keys and/or organization members to a guardrail in the desired-state file: sets each key's `guardrail:` " +
      "(a key has at most one, in its own workspace) and adds the members to the guardrail's `members:` list. Note: " +
      'a guardrail without a `members:` list leaves live member bindings alone; once the list exists it is the complete ' +
      `set, and the plan shows any live binding it would remove. ${AFTER_EDIT} Example: {"guardrail": "prod-cap", ` +
      '"keys": ["checkout-service"], "members": ["dana@example.com"]}.',
    input,
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const { guardrail, keys } = targets(edit, args);
        const notes: string[] = [];
        for (const k of keys) {
          edit.setField(k, 'guardrail', args.guardrail);
          notes.push(`${declaredText(k)} → guardrail "${args.guardrail}".`);
        }
        for (const m of args.members ?? []) {
          notes.push(edit.addToList(guardrail, 'members', m) ? `Member ${m} bound to ${declaredText(guardrail)}.` : `Member ${m} was already bound.`);
        }
        return notes;
      }),
  });
}

export function proposeUnbindingTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_guardrail_unbinding',
    title: 'Propose unbinding keys or members from a guardrail',
    description:
      "Unbind keys and/or members from a guardrail in the desired-state file: removes each key's `guardrail:` (it must " +
      "name this guardrail) and removes the members from the guardrail's `members:` list. " +
      `${AFTER_EDIT} Example: {"guardrail": "prod-cap", "keys": ["search-service"]}.`,
    input,
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const { guardrail, keys } = targets(edit, args);
        const notes: string[] = [];
        for (const k of keys) {
          const bound = edit.entry(k)?.guardrail;
          if (bound !== args.guardrail) {
            throw new YamlEditError(`${declaredText(k)} is bound to ${bound ? `guardrail "${String(bound)}"` : 'no guardrail'}, not "${args.guardrail}"`);
          }
          edit.removeField(k, 'guardrail');
          notes.push(`${declaredText(k)} no longer names a guardrail.`);
        }
        for (const m of args.members ?? []) {
          notes.push(edit.removeFromList(guardrail, 'members', m) ? `Member ${m} unbound from ${declaredText(guardrail)}.` : `Member ${m} was not in its members list.`);
        }
        return notes;
      }),
  });
}
