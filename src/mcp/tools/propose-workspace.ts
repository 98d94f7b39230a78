// propose_workspace: a workspace's declaration — settings, budgets and members.
import * as z from 'zod';
import { declaredText, type Declared } from '../../edit/desired-state-edit.js';
import { YamlEditError } from '../../edit/yaml-text.js';
import type { Proposer } from '../propose.js';
import { defineTool } from '../tool.js';
import { AFTER_EDIT, given, refuseSetAndRemove } from './inputs.js';

const SETTINGS = {
  name: z.string().min(1).optional().describe('Display name, e.g. "Research".'),
  description: z.string().nullable().optional().describe('Description, e.g. "ML research sandbox".'),
  default_text_model: z.string().min(1).nullable().optional().describe('Default text model, e.g. "anthropic/claude-sonnet-4.5".'),
  default_image_model: z.string().min(1).nullable().optional().describe('Default image model.'),
  default_provider_sort: z.enum(['price', 'throughput', 'latency', 'exacto']).nullable().optional().describe('Default provider sort.'),
  is_observability_io_logging_enabled: z.boolean().optional().describe('Private I/O logging.'),
  is_observability_broadcast_enabled: z.boolean().optional().describe('Broadcast.'),
  is_data_discount_logging_enabled: z.boolean().optional().describe('Data discount logging.'),
  io_logging_sampling_rate: z.number().optional().describe('Share of requests logged, 0.0001 to 1.'),
  include_byok_in_budgets: z.boolean().optional().describe('Count bring-your-own-key spend toward the budgets.'),
};
const budget = (what: string) => z.number().positive().nullable().optional().describe(`${what} budget in USD; null removes it.`);

const SETTING_NAMES = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];
const REMOVABLE = [...SETTING_NAMES, 'budgets', 'members'] as const;

export function proposeWorkspaceTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_workspace',
    title: "Propose a new or changed workspace (settings, budgets, members)",
    description:
      "Declare a workspace in the desired-state file, or change its settings, budgets or members. Only what is given " +
      'changes. `budgets` sets limits per interval (daily, weekly, monthly, lifetime; USD; they must shrink as the interval ' +
      'narrows), null removes one. `members` replaces the member list; `add_members`/`remove_members` edit it. Note: a ' +
      'workspace without `budgets:` or `members:` leaves the live ones alone; once present the list is the complete set, ' +
      'and the plan shows what it would remove. The default workspace takes no members. `remove` deletes settings ' +
      `(an omitted setting is not managed). ${AFTER_EDIT} Example: {"slug": "research", "budgets": {"monthly": 1000, ` +
      '"daily": 50}, "add_members": ["alice@example.com"]}.',
    input: z.strictObject({
      slug: z.string().min(1).describe('The workspace\'s slug (its identity), e.g. "research"; "default" is the account\'s own workspace.'),
      ...SETTINGS,
      budgets: z
        .strictObject({ lifetime: budget('One-time'), monthly: budget('Monthly'), weekly: budget('Weekly'), daily: budget('Daily') })
        .optional()
        .describe('Budget limits in USD by interval, e.g. {"monthly": 1000, "daily": null} (null removes that budget).'),
      members: z.array(z.string().min(1)).optional().describe('The complete member list, by e-mail or user id.'),
      add_members: z.array(z.string().min(1)).optional().describe('Members to add, e.g. ["alice@example.com"].'),
      remove_members: z.array(z.string().min(1)).optional().describe('Members to remove.'),
      remove: z.array(z.enum(REMOVABLE)).optional().describe('Settings (or the whole budgets or members list) to delete from the declaration.'),
    }),
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const target: Declared = { kind: 'workspace', workspace: args.slug };
        const set = given(args, SETTING_NAMES);
        refuseSetAndRemove({ ...set, ...given(args, ['budgets', 'members']) }, args.remove);
        if (args.members && (args.add_members || args.remove_members)) {
          throw new YamlEditError('give members (the complete list) or add_members/remove_members, not both');
        }
        const notes: string[] = [];
        const at = edit.find(target);
        if (!at) {
          if (args.remove?.length || args.remove_members?.length) throw new YamlEditError(`${declaredText(target)} is not declared, so there is nothing to remove`);
          const budgets = Object.fromEntries(Object.entries(args.budgets ?? {}).filter(([, v]) => v !== null));
          const members = args.members ?? args.add_members;
          const file = edit.declare(target, { ...set, ...(Object.keys(budgets).length > 0 ? { budgets } : {}), ...(members ? { members } : {}) });
          return [`Declared the new ${declaredText(target)} in ${file}.`];
        }
        for (const [field, value] of Object.entries(set)) edit.setField(target, field, value);
        for (const [interval, limit] of Object.entries(args.budgets ?? {})) {
          if (limit === null) edit.removeField(target, ['budgets', interval]);
          else edit.setField(target, ['budgets', interval], limit);
        }
        if (args.members) edit.setField(target, 'members', args.members);
        for (const m of args.add_members ?? []) if (!edit.addToList(target, 'members', m)) notes.push(`${m} was already a member.`);
        for (const m of args.remove_members ?? []) if (!edit.removeFromList(target, 'members', m)) notes.push(`${m} was not in the members list.`);
        for (const field of args.remove ?? []) edit.removeField(target, field);
        return [`Changed the declaration of ${declaredText(target)} in ${at.file}.`, ...notes];
      }),
  });
}
