// Checks every response the sandbox sends against OpenRouter's document: a documented status for
// its operation, and a body that matches the response schema of that operation and status,
// with no property the document does not define (except the @openrouter/sdk fields listed in
// src/sandbox/openapi/sdk-extensions.ts). Error bodies are checked against their status's schema,
// or the API's error shape when the status is undocumented (undocumented-statuses.ts says when
// that is allowed). Test-only: the sandbox itself never validates what it answers.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { SentResponse } from '../../../src/sandbox/index.js';
import { DOCUMENT_ID, openApiDocument } from '../../../src/sandbox/openapi/document.js';
import { describeErrors } from '../../../src/sandbox/openapi/messages.js';
import { documentedOperation } from '../../../src/sandbox/openapi/operations.js';
import { RESPONSE_EXTENSIONS } from '../../../src/sandbox/openapi/sdk-extensions.js';
import { strictCopy } from '../../../src/sandbox/openapi/strict-copy.js';
import { UNDOCUMENTED_STATUSES } from './undocumented-statuses.js';

type FormatsPlugin = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = (formatsPlugin as unknown as { default?: FormatsPlugin }).default ?? (formatsPlugin as unknown as FormatsPlugin);

/** The API's error body (README, "Errors and limits"), for statuses the document does not list. */
const ERROR_BODY = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'integer' }, message: { type: 'string' }, metadata: { type: ['object', 'null'] } },
      unevaluatedProperties: false,
    },
  },
  unevaluatedProperties: false,
};

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function validator(schemaPointer: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strictSchema: false, strictTypes: false, strictRequired: false, allowUnionTypes: true, validateSchema: false, code: { optimize: false }, inlineRefs: false });
    addFormats(ajv, ['uuid', 'date-time', 'uri']);
    ajv.addFormat('double', { type: 'number', validate: () => true });
    ajv.addSchema(strictCopy(openApiDocument(), 'responses') as unknown as Record<string, unknown>, DOCUMENT_ID);
    ajv.addSchema(ERROR_BODY, 'error-body');
  }
  let v = validators.get(schemaPointer);
  if (!v) {
    v = schemaPointer === 'error-body' ? ajv.getSchema('error-body')! : ajv.compile({ $ref: `${DOCUMENT_ID}${schemaPointer}` });
    validators.set(schemaPointer, v);
  }
  return v;
}

/** `/data/3` matches `/data/*`. */
function matches(instancePath: string, pattern: string): boolean {
  const a = instancePath.split('/');
  const b = pattern.split('/');
  return a.length === b.length && b.every((part, i) => part === '*' || part === a[i]);
}

/** Unknown properties allowed by sdk-extensions.ts for this operation. */
function allowedExtra(operationId: string, e: ErrorObject): boolean {
  if (e.keyword !== 'unevaluatedProperties') return false;
  return RESPONSE_EXTENSIONS.some(
    (x) => x.operations.includes(operationId) && x.property === e.params.unevaluatedProperty && matches(e.instancePath, x.at),
  );
}

/** What is wrong with a response, or an empty list. */
export function responseProblems(r: SentResponse): string[] {
  const where = `${r.method} ${r.path} (${r.operationId ?? 'no route'}) ${r.status}`;
  const problems: string[] = [];
  const op = r.operationId === null ? undefined : documentedOperation(r.operationId);
  if (r.status >= 400) {
    const error = (r.body as { error?: { code?: unknown } } | null)?.error;
    if (error?.code !== r.status) problems.push(`${where}: error.code ${JSON.stringify(error?.code)} is not the status`);
  }
  if (r.operationId === 'getModels' || (r.operationId === null && r.status === 404)) {
    // GET /models is not in the trimmed document; an unknown route has no operation.
    if (r.status >= 400) check('error-body');
    return problems;
  }
  if (!op) return [`${where}: no such operation in the document`];
  const documented = op.responses.has(String(r.status));
  if (!documented) {
    if (!UNDOCUMENTED_STATUSES.some((a) => a.applies(r))) {
      problems.push(`${where}: status not documented for ${op.operationId} (documented: ${[...op.responses.keys()].join(', ')})`);
    }
    if (r.status >= 400) check('error-body');
    return problems;
  }
  const schemaPointer = op.responses.get(String(r.status));
  if (schemaPointer === undefined) problems.push(`${where}: the document gives this response no JSON body`);
  else check(schemaPointer);
  return problems;

  function check(schemaPointer: string): void {
    const v = validator(schemaPointer);
    if (v(r.body)) return;
    const errors = (v.errors ?? []).filter((e) => !allowedExtra(r.operationId ?? '', e));
    if (errors.length > 0) problems.push(`${where}: ${describeErrors(errors)}`);
  }
}

/** Collects the problems of every response of one sandbox; `assertClean` throws them all. */
export class ResponseCheck {
  readonly problems: string[] = [];
  checked = 0;

  record = (response: SentResponse): void => {
    this.checked++;
    this.problems.push(...responseProblems(response));
  };

  assertClean(): void {
    if (this.problems.length > 0) {
      throw new Error(`the sandbox sent responses the document does not describe:\n${[...new Set(this.problems)].join('\n')}`);
    }
  }
}
