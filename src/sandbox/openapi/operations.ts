// The document's operations, by operationId: method, path template, parameters, request body and
// responses, each with the JSON pointer that locates its schema in the document.
import { openApiDocument, pointer, type JsonSchema, type OpenApiOperation, type OpenApiParameter } from './document.js';

export interface DocumentedOperation {
  operationId: string;
  /** Upper case, e.g. `PATCH`. */
  method: string;
  /** The document's template, e.g. `/keys/{hash}`. */
  path: string;
  parameters: { parameter: OpenApiParameter; schemaPointer: string }[];
  /** Pointer of the JSON request body's schema, when the operation takes one. */
  body?: { required: boolean; schemaPointer: string };
  /** Status (e.g. `201`) → pointer of the JSON response body's schema, when it has one. */
  responses: Map<string, string | undefined>;
}

let index: Map<string, DocumentedOperation> | undefined;

/** The operation with this operationId, or undefined when the document has none (e.g. getModels). */
export function documentedOperation(operationId: string): DocumentedOperation | undefined {
  index ??= indexOperations();
  return index.get(operationId);
}

/** Every operation of the document. */
export function documentedOperations(): DocumentedOperation[] {
  index ??= indexOperations();
  return [...index.values()];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function indexOperations(): Map<string, DocumentedOperation> {
  const out = new Map<string, DocumentedOperation>();
  for (const [path, item] of Object.entries(openApiDocument().paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      out.set(op.operationId, describe(path, method, op));
    }
  }
  return out;
}

function describe(path: string, method: string, op: OpenApiOperation): DocumentedOperation {
  const at = (...rest: (string | number)[]) => pointer('paths', path, method, ...rest);
  const json = op.requestBody?.content['application/json'];
  const responses = new Map<string, string | undefined>();
  for (const [status, response] of Object.entries(op.responses)) {
    responses.set(status, response.content?.['application/json'] ? at('responses', status, 'content', 'application/json', 'schema') : undefined);
  }
  return {
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    parameters: (op.parameters ?? []).map((parameter, i) => ({ parameter, schemaPointer: at('parameters', i, 'schema') })),
    ...(json ? { body: { required: op.requestBody?.required === true, schemaPointer: at('requestBody', 'content', 'application/json', 'schema') } } : {}),
    responses,
  };
}

/** The schema a pointer of this module designates. */
export function schemaAt(schemaPointer: string): JsonSchema {
  let node: unknown = openApiDocument();
  for (const part of schemaPointer.slice(2).split('/')) {
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node as JsonSchema;
}
