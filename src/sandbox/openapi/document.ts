// OpenRouter's OpenAPI document for the management API, vendored in spec/ (see spec/README.md),
// read on first use and kept for the life of the process: every sandbox of a test run shares it.
import { existsSync, readFileSync } from 'node:fs';

/** The parts of an OpenAPI 3.1 document the sandbox reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

/** A JSON Schema (2020-12) object, as found in the document. */
export type JsonSchema = { [keyword: string]: unknown };

/** The sandbox's identifier of the document, the base of every `$ref` into it. */
export const DOCUMENT_ID = 'https://openrouter.ai/api/v1/openapi/management';

const DOCUMENT = 'spec/openrouter-management.openapi.json';

let cached: OpenApiDocument | undefined;

/** The document (the JSON copy of spec/openrouter-management.openapi.yaml). */
export function openApiDocument(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(documentUrl(), 'utf8')) as OpenApiDocument;
  return cached;
}

// One level below the root from the action's bundle (action-dist/), two from the bundle in
// dist/bundle/, three from src/sandbox/openapi/ and dist/sandbox/openapi/: nearest first, so that
// nothing outside the package is read.
function documentUrl(): URL {
  for (const up of ['../', '../../', '../../../']) {
    const url = new URL(up + DOCUMENT, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error(`the sandbox cannot find its copy of the API reference (${DOCUMENT}): a broken install?`);
}

/** `#/paths/~1keys~1{hash}/patch` — a JSON pointer fragment (RFC 6901) into the document. */
export function pointer(...parts: (string | number)[]): string {
  return `#/${parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}
