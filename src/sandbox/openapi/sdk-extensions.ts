// Fields that OpenRouter's newer client, @openrouter/sdk 1.3.x, has and the vendored document
// (2026-08-22) does not; shared/openrouter-api/README.md: the SDK "is newer than this file and
// adds fields". Each one is listed here on purpose, with where the SDK has it; nothing else
// beyond the document is accepted in a request (request-validator.ts) or allowed in a response
// (test/sandbox/openapi/response-check.ts).
import type { JsonSchema } from './document.js';

export interface RequestExtension {
  /** components.schemas entry of the request body. */
  component: string;
  property: string;
  schema: JsonSchema;
  /** Where the SDK defines it. */
  source: string;
}

/** Accepted in request bodies although the document does not define them: none so far. */
export const REQUEST_EXTENSIONS: readonly RequestExtension[] = [];

export interface ResponseExtension {
  /** operationIds whose responses carry it. */
  operations: readonly string[];
  /** JSON pointer of the object that carries it in the response body; `*` is any array index. */
  at: string;
  property: string;
  /** Why the sandbox sends it. */
  reason: string;
}

/** Sent in responses although the document does not define them. */
export const RESPONSE_EXTENSIONS: readonly ResponseExtension[] = [
  ...[
    { operations: ['list'], at: '/data/*' },
    { operations: ['createKeys', 'getKey', 'updateKeys'], at: '/data' },
  ].map(({ operations, at }) => ({
    operations,
    at,
    property: 'external_user',
    reason:
      '@openrouter/sdk 1.3.x requires `external_user` on key objects (null for a key not created for an external user); without it every SDK key call fails to parse',
  })),
  ...['organization_id', 'workspace_id', 'allowed_data_regions', 'free_model_daily_requests'].map((property) => ({
    operations: ['getCurrentKey'],
    at: '/data',
    property,
    reason: `@openrouter/sdk getCurrentKeyMetadata requires \`${property}\` on GET /key; without it the SDK call fails to parse`,
  })),
];
