import type { Plan } from '../core/types.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import type { GlobalOptions, Io } from './context.js';

export function renderPlan(
  plan: Plan,
  opts: GlobalOptions,
  _io: Io,
  refusals: readonly string[] = [],
  limits: { maxChars?: number; wholePlanAt?: string } = {},
): string {
  switch (opts.output) {
    case 'json':
      return renderJson(plan, refusals);
    case 'markdown':
      return renderMarkdown(plan, { file: opts.file, refusals, ...limits });
    default:
      return renderText(plan, { color: opts.color, file: opts.file, refusals });
  }
}
