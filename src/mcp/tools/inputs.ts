// Input pieces the propose tools share. They check shape only: what a value must be (a UTC
// timestamp, a guardrail declared in the same workspace, a policy's maximum) is the desired-state
// validation's to say, with its own messages, so that the tools accept every field the file format
// accepts — including fields it learns later.
import * as z from 'zod';
import { DEFAULT_WORKSPACE } from '../../config/schema.js';
import { YamlEditError } from '../../edit/yaml-text.js';

/** What every propose tool's description says about what happens after its edit. */
export const AFTER_EDIT =
  'The edit is validated (schema, references, policy) and planned; if anything is wrong nothing is written and the ' +
  'errors come back with file:line:col. Otherwise the file is rewritten in place — comments and formatting of ' +
  'everything else kept — and the result has the unified diff and the plan. Nothing changes in the organization ' +
  'until a person runs `oradmin apply`.';

export const workspaceArg = z
  .string()
  .min(1)
  .optional()
  .describe(`Slug of the workspace the object lives in. Default: "${DEFAULT_WORKSPACE}" (the account's own workspace).`);

export const resetInterval = z.enum(['daily', 'weekly', 'monthly']);

/** The fields of `args` named in `names` that were given, in that order. */
export function given(args: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => args[n] !== undefined).map((n) => [n, args[n]]));
}

/** A field both set and removed in one call is a contradiction, not a last-one-wins. */
export function refuseSetAndRemove(set: Record<string, unknown>, remove: readonly string[] | undefined): void {
  const both = (remove ?? []).filter((f) => f in set);
  if (both.length > 0) throw new YamlEditError(`${both.join(', ')}: given a value and listed in remove; say one or the other`);
}
