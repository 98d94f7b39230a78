// A small, realistic model catalog served at GET /models. Guardrails accept a model's slug or
// its canonical slug and store the canonical one (reference, Guardrail.allowed_models: "Array of
// model canonical_slugs (immutable identifiers)"), so several entries deliberately differ.
export interface CatalogModel {
  id: string;
  canonical_slug: string;
  name: string;
}

export const MODEL_CATALOG: readonly CatalogModel[] = [
  { id: 'openai/gpt-4o', canonical_slug: 'openai/gpt-4o-2024-05-13', name: 'OpenAI: GPT-4o' },
  { id: 'openai/gpt-4o-mini', canonical_slug: 'openai/gpt-4o-mini-2024-07-18', name: 'OpenAI: GPT-4o-mini' },
  { id: 'openai/gpt-4.1', canonical_slug: 'openai/gpt-4.1-2025-04-14', name: 'OpenAI: GPT-4.1' },
  { id: 'openai/gpt-5', canonical_slug: 'openai/gpt-5-2025-08-07', name: 'OpenAI: GPT-5' },
  { id: 'openai/o3', canonical_slug: 'openai/o3-2025-04-16', name: 'OpenAI: o3' },
  {
    id: 'anthropic/claude-sonnet-4.5',
    canonical_slug: 'anthropic/claude-4.5-sonnet-20250929',
    name: 'Anthropic: Claude Sonnet 4.5',
  },
  { id: 'anthropic/claude-opus-4.1', canonical_slug: 'anthropic/claude-4.1-opus-20250805', name: 'Anthropic: Claude Opus 4.1' },
  { id: 'anthropic/claude-3.5-haiku', canonical_slug: 'anthropic/claude-3-5-haiku', name: 'Anthropic: Claude 3.5 Haiku' },
  { id: 'google/gemini-2.5-pro', canonical_slug: 'google/gemini-2.5-pro', name: 'Google: Gemini 2.5 Pro' },
  { id: 'google/gemini-2.5-flash', canonical_slug: 'google/gemini-2.5-flash', name: 'Google: Gemini 2.5 Flash' },
  {
    id: 'google/gemini-2.5-flash-image',
    canonical_slug: 'google/gemini-2.5-flash-image',
    name: 'Google: Gemini 2.5 Flash Image',
  },
  { id: 'x-ai/grok-4', canonical_slug: 'x-ai/grok-4-07-09', name: 'xAI: Grok 4' },
  {
    id: 'meta-llama/llama-3.3-70b-instruct',
    canonical_slug: 'meta-llama/llama-3.3-70b-instruct',
    name: 'Meta: Llama 3.3 70B Instruct',
  },
  { id: 'mistralai/mistral-large', canonical_slug: 'mistralai/mistral-large', name: 'Mistral Large' },
  { id: 'deepseek/deepseek-chat-v3.1', canonical_slug: 'deepseek/deepseek-chat-v3.1', name: 'DeepSeek: DeepSeek V3.1' },
  { id: 'qwen/qwen3-235b-a22b', canonical_slug: 'qwen/qwen3-235b-a22b-04-28', name: 'Qwen: Qwen3 235B A22B' },
];

const BY_EITHER_SLUG = new Map<string, string>(
  MODEL_CATALOG.flatMap((m) => [
    [m.id, m.canonical_slug],
    [m.canonical_slug, m.canonical_slug],
  ]),
);

/** The canonical slug of a model named by its slug or canonical slug; undefined when unknown. */
export function canonicalSlug(slugOrCanonical: string): string | undefined {
  return BY_EITHER_SLUG.get(slugOrCanonical);
}
