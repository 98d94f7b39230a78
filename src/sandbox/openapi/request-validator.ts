// Every request checked against OpenRouter's document before a handler sees it: path parameters,
// query string and JSON body, each against the schema the document gives it (OpenAPI 3.1 schemas
// are JSON Schema 2020-12). A violation is the API's 400, naming each offending field.
//
// Query strings are coerced as their parameter schemas say (`offset=100` is the integer 100) and
// take the documented defaults (`limit` 50). Where the sandbox is stricter than the document:
// - unknown body fields are rejected (strict-copy.ts says why);
// - unknown query parameters are rejected: a misspelt filter (`?workspace=`) silently ignored
//   would make a client look right in tests while the real API lists the default workspace;
// - a parameter marked `x-openrouter-type: boolean` (GET /keys `include_disabled`) must be the
//   text `true` or `false`, although its schema says only `type: string`.
//
// Compiled per operation on its first request and kept for the process, so that a sandbox starts
// at no cost and a test run compiles each operation once per worker.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { badRequest } from '../api-error.js';
import { DOCUMENT_ID, openApiDocument, type JsonSchema } from './document.js';
import { describeErrors } from './messages.js';
import { documentedOperation, schemaAt, type DocumentedOperation } from './operations.js';
import { componentsFor, strictRequestCopy } from './strict-copy.js';

export interface RawRequest {
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  body: unknown;
}

export interface CheckedRequest {
  params: Record<string, string>;
  /** Coerced to the parameter types, documented defaults filled in. */
  query: Record<string, unknown>;
  body: unknown;
}

interface CompiledOperation {
  params: ValidateFunction;
  query: ValidateFunction;
  body: { required: boolean; validate: ValidateFunction } | undefined;
}

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
type FormatsPlugin = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((formatsPlugin as unknown as { default?: FormatsPlugin }).default ??
  (formatsPlugin as unknown as FormatsPlugin));

function newAjv(options: { coerceTypes: boolean; useDefaults: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    ...options,
    allErrors: true,
    // The document carries OpenAPI and vendor keywords (example, x-speakeasy-…) ajv does not know.
    strictSchema: false,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Compiling fast matters more than validating fast here: each process compiles the operations
    // it meets once, then checks a few requests with each. Without code optimization and with
    // shared (not inlined) $refs, compiling costs about a third, checking a few microseconds more.
    code: { optimize: false },
    inlineRefs: false,
    // Checking the whole document against the meta-schema would cost each process ~50 ms; the
    // document is OpenRouter's, and compiling the parts used finds what would break.
    validateSchema: false,
    // Nor does it need the meta-schemas (10 ms per instance).
    meta: false,
  });
  addFormats(ajv, ['uuid', 'date-time', 'uri']);
  // OpenAPI's number format: any JSON number is a double.
  ajv.addFormat('double', { type: 'number', validate: () => true });
  return ajv;
}

export class RequestValidator {
  private readonly bodies = newAjv({ coerceTypes: false, useDefaults: false });
  private readonly parameters = newAjv({ coerceTypes: true, useDefaults: true });
  private readonly compiled = new Map<string, CompiledOperation>();

  constructor() {
    this.bodies.addSchema(strictRequestCopy(openApiDocument()) as unknown as JsonSchema, DOCUMENT_ID);
    // Parameter schemas are copied into each operation's (parametersSchema); only the components
    // they reference need to be known, which spares ajv a walk through the whole document.
    const doc = openApiDocument();
    const parameters = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.parameters ?? []));
    this.parameters.addSchema({ components: componentsFor(doc, parameters) }, DOCUMENT_ID);
  }

  /** The request, checked and coerced; an operation the document does not have passes as it is. */
  check(operationId: string, raw: RawRequest): CheckedRequest {
    const op = documentedOperation(operationId);
    if (!op) return { params: { ...raw.params }, query: { ...raw.query }, body: raw.body };
    const compiled = this.compile(op);
    const params = { ...raw.params };
    if (!compiled.params(params)) throw badRequest(`Invalid path parameter: ${messageOf(compiled.params.errors)}`);
    const query: Record<string, unknown> = { ...raw.query };
    if (!compiled.query(query)) throw badRequest(`Invalid query parameters: ${messageOf(compiled.query.errors)}`);
    if (compiled.body) {
      if (raw.body === undefined) {
        if (compiled.body.required) throw badRequest('Invalid request body: a JSON object is required');
      } else if (!compiled.body.validate(raw.body)) {
        throw badRequest(`Invalid request body: ${messageOf(compiled.body.validate.errors)}`);
      }
    }
    return { params, query, body: raw.body };
  }

  private compile(op: DocumentedOperation): CompiledOperation {
    let compiled = this.compiled.get(op.operationId);
    if (!compiled) {
      compiled = {
        params: this.parameters.compile(parametersSchema(op, 'path')),
        query: this.parameters.compile(parametersSchema(op, 'query')),
        body: op.body && {
          required: op.body.required,
          validate: this.bodies.compile({ $ref: `${DOCUMENT_ID}${op.body.schemaPointer}` }),
        },
      };
      this.compiled.set(op.operationId, compiled);
    }
    return compiled;
  }
}

/**
 * One object schema for an operation's parameters of one location. The parameter schemas are
 * copied in (not referenced), because ajv fills in a `default` only where it sees it directly.
 */
function parametersSchema(op: DocumentedOperation, location: 'path' | 'query'): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const { parameter, schemaPointer } of op.parameters) {
    if (parameter.in !== location) continue;
    const schema = absoluteRefs(schemaAt(schemaPointer)) as JsonSchema;
    properties[parameter.name] = schema['x-openrouter-type'] === 'boolean' ? { ...schema, enum: ['true', 'false'] } : schema;
    if (parameter.required) required.push(parameter.name);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A copy whose `#/…` references point into the document, wherever the copy is compiled. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOCUMENT_ID}${v}` : absoluteRefs(v)]),
  );
}

function messageOf(errors: ErrorObject[] | null | undefined): string {
  return describeErrors(errors ?? []);
}

let shared: RequestValidator | undefined;

/** The process's validator: the document is compiled once for every sandbox. */
export function requestValidator(): RequestValidator {
  shared ??= new RequestValidator();
  return shared;
}
