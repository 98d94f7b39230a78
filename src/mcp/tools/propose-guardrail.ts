// propose_guardrail and propose_guardrail_removal: a guardrail's declaration in the file.
import * as z from 'zod';
import { DEFAULT_WORKSPACE } from '../../config/schema.js';
import { declaredText, type Declared } from '../../edit/desired-state-edit.js';
import { YamlEditError } from '../../edit/yaml-text.js';
import type { Proposer } from '../propose.js';
import { defineTool } from '../tool.js';
import { AFTER_EDIT, given, refuseSetAndRemove, resetInterval, workspaceArg } from './inputs.js';

const names = z.array(z.string().min(1));
const zdr = (family: string) => z.boolean().optional().describe(`Zero data retention for ${family} only.`);

const GUARDRAIL_SETTINGS = {
  description: z.string().nullable().optional().describe('What the guardrail is for, e.g. "Production spend cap".'),
  limit_usd: z.number().min(0).nullable().optional().describe('Spending limit in USD across everything bound to it, e.g. 50.'),
  reset_interval: resetInterval.nullable().optional().describe('When limit_usd resets: daily, weekly or monthly.'),
  allowed_providers: names.nullable().optional().describe('Only these providers may serve requests, e.g. ["openai", "anthropic"].'),
  allowed_models: names.nullable().optional().describe('Only these models, e.g. ["openai/gpt-4o-mini"].'),
  ignored_providers: names.nullable().optional().describe('Providers excluded from routing, e.g. ["deepinfra"].'),
  ignored_models: names.nullable().optional().describe('Models excluded from routing.'),
  enforce_zdr: z.boolean().nullable().optional().describe('Zero data retention for every provider family.'),
  enforce_zdr_anthropic: zdr('Anthropic models'),
  enforce_zdr_openai: zdr('OpenAI models'),
  enforce_zdr_google: zdr('Google models'),
  enforce_zdr_xai: zdr('xAI models'),
  enforce_zdr_other: zdr('all other models'),
  enable_free_model_publication: z.boolean().optional().describe('Allow free endpoints that publish prompts.'),
  enable_free_model_training: z.boolean().optional().describe('Allow free endpoints that train on request data.'),
  enable_paid_model_training: z.boolean().optional().describe('Allow paid endpoints that train on request data.'),
  include_byok_in_budgets: z.boolean().optional().describe('Count bring-your-own-key spend toward limit_usd.'),
  content_filters: z
    .array(z.looseObject({ pattern: z.string(), action: z.string(), label: z.string().optional() }))
    .nullable()
    .optional()
    .describe('Regex content filters, e.g. [{"pattern": "\\\\b\\\\d{3}-\\\\d{2}-\\\\d{4}\\\\b", "action": "redact", "label": "SSN"}]; action: redact, block or flag.'),
  content_filter_builtins: z
    .array(z.looseObject({ slug: z.string(), action: z.string() }))
    .nullable()
    .optional()
    .describe('Builtin filters, e.g. [{"slug": "email", "action": "redact"}]; slugs: email, phone, ssn, credit-card, ip-address, person-name, address, regex-prompt-injection.'),
};
const SETTING_NAMES = Object.keys(GUARDRAIL_SETTINGS) as (keyof typeof GUARDRAIL_SETTINGS)[];

export function proposeGuardrailTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_guardrail',
    title: 'Propose a new or changed guardrail',
    description:
      'Declare a guardrail in the desired-state file, or change the declaration of one: spend cap, reset interval, ' +
      'provider and model allow- and deny-lists, zero data retention, content filters. Only the fields given change; ' +
      '`remove` deletes fields (an omitted list means no restriction). Keys and members are bound with ' +
      `propose_guardrail_binding. ${AFTER_EDIT} Example: {"name": "prod-cap", "limit_usd": 50, "reset_interval": "daily", ` +
      '"allowed_providers": ["openai", "anthropic"], "enforce_zdr": true}.',
    input: z.strictObject({
      name: z.string().min(1).describe('The guardrail\'s name (its identity within the workspace), e.g. "prod-cap".'),
      workspace: workspaceArg,
      ...GUARDRAIL_SETTINGS,
      remove: z.array(z.enum(SETTING_NAMES)).optional().describe('Fields to delete from the declaration, e.g. ["allowed_models"].'),
    }),
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const target: Declared = { kind: 'guardrail', workspace: args.workspace ?? DEFAULT_WORKSPACE, name: args.name };
        const set = given(args, SETTING_NAMES);
        refuseSetAndRemove(set, args.remove);
        const at = edit.find(target);
        if (!at) {
          if (args.remove?.length) throw new YamlEditError(`${declaredText(target)} is not declared, so there is nothing to remove`);
          return [`Declared the new ${declaredText(target)} in ${edit.declare(target, set)}.`];
        }
        for (const [field, value] of Object.entries(set)) edit.setField(target, field, value);
        for (const field of args.remove ?? []) edit.removeField(target, field);
        return [`Changed the declaration of ${declaredText(target)} in ${at.file}.`];
      }),
  });
}

export function proposeGuardrailRemovalTool(proposer: Proposer) {
  return defineTool({
    name: 'propose_guardrail_removal',
    title: 'Propose removing a guardrail from the file',
    description:
      "Remove a guardrail's declaration from the desired-state file. Keys that name it must be unbound first " +
      '(propose_guardrail_unbinding), or validation refuses the edit. What apply then does with the live guardrail ' +
      `follows \`unmanaged.guardrails\` (report by default). ${AFTER_EDIT} Example: {"name": "old-cap"}.`,
    input: z.strictObject({ name: z.string().min(1).describe('The guardrail\'s name.'), workspace: workspaceArg }),
    effect: 'propose',
    online: false,
    run: async (args) =>
      proposer.propose((edit) => {
        const target: Declared = { kind: 'guardrail', workspace: args.workspace ?? DEFAULT_WORKSPACE, name: args.name };
        const at = edit.find(target);
        if (!at) throw new YamlEditError(`${declaredText(target)} is not declared in the file; nothing to remove`);
        edit.undeclare(target);
        return [`Removed the declaration of ${declaredText(target)} from ${at.file}.`];
      }),
  });
}
