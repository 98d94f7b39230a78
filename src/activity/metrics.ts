// What an activity report adds up, per row, per day and in total: spend, BYOK spend, requests and
// tokens of GET /activity items (reference ActivityItem), dollar amounts summed exactly.
import { ExactSum } from './exact-sum.js';

/** An item of GET /activity (reference ActivityItem); `workspace_id` only with group_by=workspace. */
export interface ActivityItem {
  date: string;
  model: string;
  model_permaslug: string;
  endpoint_id: string;
  provider_name: string;
  /** USD of OpenRouter credits. */
  usage: number;
  /** USD spent through the organization's own provider keys (external credits). */
  byok_usage_inference: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  workspace_id?: string | undefined;
}

export interface Metrics {
  /** USD of OpenRouter credits (ActivityItem.usage). */
  usage: number;
  /** USD through BYOK provider keys (ActivityItem.byok_usage_inference). */
  byok_usage: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
}

export class MetricsSum {
  private readonly usage = new ExactSum();
  private readonly byok = new ExactSum();
  private requests = 0;
  private prompt = 0;
  private completion = 0;
  private reasoning = 0;

  add(item: ActivityItem): this {
    this.usage.add(item.usage);
    this.byok.add(item.byok_usage_inference);
    this.requests += item.requests;
    this.prompt += item.prompt_tokens;
    this.completion += item.completion_tokens;
    this.reasoning += item.reasoning_tokens;
    return this;
  }

  value(): Metrics {
    return {
      usage: this.usage.toNumber(),
      byok_usage: this.byok.toNumber(),
      requests: this.requests,
      prompt_tokens: this.prompt,
      completion_tokens: this.completion,
      reasoning_tokens: this.reasoning,
    };
  }
}

export function sumMetrics(items: Iterable<ActivityItem>): Metrics {
  const sum = new MetricsSum();
  for (const item of items) sum.add(item);
  return sum.value();
}
