// propose_key and propose_key_removal: a key's declaration, created, changed or removed in the file.
import * as z from 'zod';
import { DEFAULT_WORKSPACE } from '../../config/schema.js';
import { declaredText, type Declared } from '../../edit/desired-state-edit.js';
import { YamlEditError } from '../../edit/yaml-text.js';
import type { Proposer } from '../propose.js';
import { defineTool } from '../tool.js';
import { AFTER_EDIT, given, refuseSetAndRemove, resetInterval, workspaceArg } from './inputs.js';

const KEY_FIELDS = ['limit', 'limit_reset', 'include_byok_in_limit', 'expires_at', 'expires_in', 'rotation', 'guardrail', 'disabled', 'allow_replace'] as const;

export function proposeKeyTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_key',
    title: 'Propose a new or changed key',
    description:
      'Declare an inference API key in the desired-state file, or change the declaration of one: its spending limit, ' +
      'reset interval, expiry, rotation, guardrail, disabled flag, or workspace. Only the fields given change; `remove` ' +
      'deletes fields from the declaration (an omitted limit means no limit, an omitted guardrail means none). ' +
      'No key is created here and no secret is shown: apply creates new keys later and delivers their secrets to the ' +
      `configured secrets sink. ${AFTER_EDIT} Example: {"name": "ci-bot", "limit": 25, "limit_reset": "daily", ` +
      '"guardrail": "prod-cap"}; {"name": "etl", "workspace": "research", "expires_in": "30d", "rotation": {"every": "21d", "overlap": "3d"}}; ' +
      '{"name": "ci-bot", "remove": ["expires_at"]}.',
    input: z.strictObject({
      name: z.string().min(1).describe('The key\'s name (its identity within the workspace), e.g. "ci-bot".'),
      workspace: workspaceArg,
      limit: z.number().min(0).nullable().optional().describe('Spending limit in USD, e.g. 50. null: no limit even if defaults.key sets one.'),
      limit_reset: resetInterval.nullable().optional().describe('When the limit resets: daily, weekly or monthly (midnight UTC). null: never.'),
      include_byok_in_limit: z.boolean().optional().describe('Count bring-your-own-key usage toward the limit.'),
      expires_at: z
        .string()
        .nullable()
        .optional()
        .describe('Expiry in UTC with seconds, e.g. "2027-06-30T00:00:00Z". Changing it on an existing key replaces the key (new secret).'),
      expires_in: z.string().optional().describe('Instead of expires_at: each (re)created key expires this long after creation, e.g. "30d" (units m, h, d, w).'),
      rotation: z
        .looseObject({
          every: z.string().optional().describe('Roll the key when it is this old, e.g. "21d".'),
          overlap: z.string().optional().describe('Keep the predecessor valid this long after the successor exists, e.g. "3d".'),
          retire: z.string().optional().describe('What happens to the predecessor then: "delete" (default) or "disable".'),
        })
        .optional()
        .describe('Rotation schedule; replaces any rotation the key has.'),
      guardrail: z.string().min(1).nullable().optional().describe('Name of a guardrail declared in the same workspace to bind the key to.'),
      disabled: z.boolean().optional().describe('true disables the key (it stops working; it is not deleted).'),
      allow_replace: z.boolean().optional().describe('Allow apply to replace the key (new secret) when an immutable field such as expires_at changes.'),
      move_to_workspace: z.string().min(1).optional().describe('Move a declared key to this workspace (apply replaces the key: new secret).'),
      remove: z.array(z.enum(KEY_FIELDS)).optional().describe('Fields to delete from the declaration, e.g. ["expires_at", "guardrail"].'),
    }),
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const target: Declared = { kind: 'key', workspace: args.workspace ?? DEFAULT_WORKSPACE, name: args.name };
        const set = given(args, KEY_FIELDS);
        refuseSetAndRemove(set, args.remove);
        const at = edit.find(target);
        if (!at) {
          if (args.remove?.length || args.move_to_workspace) {
            throw new YamlEditError(`${declaredText(target)} is not declared, so there is nothing to remove or move; to declare it, give its fields without remove or move_to_workspace`);
          }
          const file = edit.declare(target, set);
          return [`Declared the new ${declaredText(target)} in ${file}.`, 'apply creates it and delivers its secret to the secrets sink of the file (never to this conversation).'];
        }
        for (const [field, value] of Object.entries(set)) edit.setField(target, field, value);
        for (const field of args.remove ?? []) edit.removeField(target, field);
        if (args.move_to_workspace && args.move_to_workspace !== target.workspace) {
          if (args.move_to_workspace === DEFAULT_WORKSPACE) edit.removeField(target, 'workspace');
          else edit.setField(target, 'workspace', args.move_to_workspace);
          return [`Moved ${declaredText(target)} to workspace "${args.move_to_workspace}" in ${at.file}; apply replaces the key (new secret).`];
        }
        return [`Changed the declaration of ${declaredText(target)} in ${at.file}.`];
      }),
  });
}

export function proposeKeyRemovalTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_key_removal',
    title: 'Propose removing a key from the file',
    description:
      "Remove a key's declaration from the desired-state file. What apply then does with the live key follows the " +
      "file's `unmanaged.keys` setting — report (the default: left alone and listed), disable or delete — and the " +
      `returned plan shows which. ${AFTER_EDIT} Example: {"name": "old-bot", "workspace": "support"}.`,
    input: z.strictObject({
      name: z.string().min(1).describe('The key\'s name, e.g. "old-bot".'),
      workspace: workspaceArg,
    }),
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const target: Declared = { kind: 'key', workspace: args.workspace ?? DEFAULT_WORKSPACE, name: args.name };
        const at = edit.find(target);
        if (!at) throw new YamlEditError(`${declaredText(target)} is not declared in the file; nothing to remove`);
        edit.undeclare(target);
        return [`Removed the declaration of ${declaredText(target)} from ${at.file}.`];
      }),
  });
}
