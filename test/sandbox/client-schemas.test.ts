// The client's transcription of the API (src/api/schemas.ts) checked against OpenRouter's own
// document: for each request the client sends, every field exists in the document's request
// schema with a compatible type, enum and limits, and every field the document requires is
// required by the client; for each response it reads, every field it requires is in the
// document's response schema and required there, and everything the document may send in a
// field the client declares is accepted. Differences the client is allowed are listed, with
// their reasons, in openapi/client-exceptions.ts; nothing passes silently.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as S from '../../src/api/schemas.js';
import { openApiDocument } from '../../src/sandbox/openapi/document.js';
import { documentedOperation, schemaAt } from '../../src/sandbox/openapi/operations.js';
import { CLIENT_EXCEPTIONS } from './openapi/client-exceptions.js';
import { notWithin, requiredNotIn, shapeOf, type Shape } from './openapi/schema-shape.js';

const resolve = (ref: string): unknown => schemaAt(ref.startsWith('#') ? ref : `#${ref.split('#')[1]}`);
const docShape = (pointer: string): Shape => shapeOf(schemaAt(pointer), resolve);
const clientShape = (schema: z.ZodType): Shape => shapeOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), () => ({}));

function operation(operationId: string) {
  const op = documentedOperation(operationId);
  if (!op) throw new Error(`no operation ${operationId} in the document`);
  return op;
}

/** Request bodies the client sends (src/resources, src/apply), by operation. */
const BODIES: [string, z.ZodType][] = [
  ['createKeys', S.CreateKeysRequest],
  ['updateKeys', S.UpdateKeysRequest],
  ['createGuardrail', S.CreateGuardrailRequest],
  ['updateGuardrail', S.UpdateGuardrailRequest],
  ['createWorkspace', S.CreateWorkspaceRequest],
  ['updateWorkspace', S.UpdateWorkspaceRequest],
  ['upsertWorkspaceBudget', S.UpsertWorkspaceBudgetRequest],
  ['bulkAddWorkspaceMembers', S.BulkAddWorkspaceMembersRequest],
  ['bulkRemoveWorkspaceMembers', S.BulkRemoveWorkspaceMembersRequest],
  ['bulkAssignKeysToGuardrail', S.BulkAssignKeysRequest],
  ['bulkUnassignKeysFromGuardrail', S.BulkUnassignKeysRequest],
  ['bulkAssignMembersToGuardrail', S.BulkAssignMembersRequest],
  ['bulkUnassignMembersFromGuardrail', S.BulkUnassignMembersRequest],
];

/** Query strings: the client's query schemas, and the operations they describe. */
const QUERIES: [string, z.ZodType][] = [
  ['list', S.ListKeysQuery],
  ['listGuardrails', S.ListGuardrailsQuery],
  ...['listWorkspaces', 'listKeyAssignments', 'listMemberAssignments', 'listOrganizationMembers', 'listWorkspaceMembers', 'listGuardrailKeyAssignments', 'listGuardrailMemberAssignments'].map(
    (op): [string, z.ZodType] => [op, S.PaginationQuery],
  ),
];

/** Responses the client parses, by operation and success status. */
const RESPONSES: [string, string, z.ZodType][] = [
  ['list', '200', S.ListKeysResponse],
  ['createKeys', '201', S.CreateKeysResponse],
  ['getKey', '200', S.GetKeyResponse],
  ['updateKeys', '200', S.UpdateKeysResponse],
  ['deleteKeys', '200', S.DeleteKeysResponse],
  ['getCurrentKey', '200', S.GetCurrentKeyResponse],
  ['getCredits', '200', S.GetCreditsResponse],
  ['listOrganizationMembers', '200', S.ListOrganizationMembersResponse],
  ['listGuardrails', '200', S.ListGuardrailsResponse],
  ['createGuardrail', '201', S.CreateGuardrailResponse],
  ['getGuardrail', '200', S.GetGuardrailResponse],
  ['updateGuardrail', '200', S.UpdateGuardrailResponse],
  ['deleteGuardrail', '200', S.DeleteGuardrailResponse],
  ['bulkAssignKeysToGuardrail', '200', S.BulkAssignKeysResponse],
  ['bulkUnassignKeysFromGuardrail', '200', S.BulkUnassignKeysResponse],
  ['bulkAssignMembersToGuardrail', '200', S.BulkAssignMembersResponse],
  ['bulkUnassignMembersFromGuardrail', '200', S.BulkUnassignMembersResponse],
  ['listKeyAssignments', '200', S.ListKeyAssignmentsResponse],
  ['listGuardrailKeyAssignments', '200', S.ListKeyAssignmentsResponse],
  ['listMemberAssignments', '200', S.ListMemberAssignmentsResponse],
  ['listGuardrailMemberAssignments', '200', S.ListMemberAssignmentsResponse],
  ['listWorkspaces', '200', S.ListWorkspacesResponse],
  ['createWorkspace', '201', S.CreateWorkspaceResponse],
  ['getWorkspace', '200', S.GetWorkspaceResponse],
  ['updateWorkspace', '200', S.UpdateWorkspaceResponse],
  ['deleteWorkspace', '200', S.DeleteWorkspaceResponse],
  ['listWorkspaceMembers', '200', S.ListWorkspaceMembersResponse],
  ['bulkAddWorkspaceMembers', '200', S.BulkAddWorkspaceMembersResponse],
  ['bulkRemoveWorkspaceMembers', '200', S.BulkRemoveWorkspaceMembersResponse],
  ['listWorkspaceBudgets', '200', S.ListWorkspaceBudgetsResponse],
  ['getWorkspaceBudget', '200', S.GetWorkspaceBudgetResponse],
  ['upsertWorkspaceBudget', '200', S.UpsertWorkspaceBudgetResponse],
  ['deleteWorkspaceBudget', '200', S.DeleteWorkspaceBudgetResponse],
  // Every error status the document lists shares one body shape; the client reads it from any.
  ['createKeys', '400', S.ErrorResponse],
  ['list', '429', S.ErrorResponse],
  ['getKey', '404', S.ErrorResponse],
  ['getKey', '401', S.ErrorResponse],
  ['createWorkspace', '403', S.ErrorResponse],
  ['getKey', '500', S.ErrorResponse],
];

/** Problems not explained by an exception; each exception must still be needed. */
function unexplained(problems: string[], used: Set<string>): string[] {
  return problems.filter((p) => {
    const exception = CLIENT_EXCEPTIONS.find((e) => p.startsWith(e.where));
    if (exception) used.add(exception.where);
    return !exception;
  });
}

describe('src/api/schemas.ts against the document', () => {
  const used = new Set<string>();

  it.each(BODIES)('the %s request body', (operationId, schema) => {
    const op = operation(operationId);
    if (!op.body) throw new Error(`${operationId} takes no body in the document`);
    const client = clientShape(schema);
    const doc = docShape(op.body.schemaPointer);
    const where = `${operationId} request`;
    const problems = [
      ...notWithin(client, doc, '', (path) => `${path}: the client sends a field the document does not define`),
      ...requiredNotIn(doc, client, '').map((path) => `${path}: required by the document, optional in the client`),
    ].map((p) => `${where} ${p}`);
    expect(unexplained(problems, used)).toEqual([]);
  });

  it.each(QUERIES)('the %s query string', (operationId, schema) => {
    const op = operation(operationId);
    const client = clientShape(schema);
    const problems: string[] = [];
    for (const [name, shape] of client.properties) {
      const param = op.parameters.find((p) => p.parameter.in === 'query' && p.parameter.name === name);
      if (!param) {
        problems.push(`${operationId} query ${name}: the client has a parameter the document does not define`);
        continue;
      }
      const doc = docShape(param.schemaPointer);
      // Query values travel as text: only enums of strings compare directly.
      if (doc.enum && doc.types.has('string')) problems.push(...notWithin(shape, doc, `${operationId} query ${name}`, () => null));
    }
    expect(unexplained(problems, used)).toEqual([]);
  });

  it.each(RESPONSES)('the %s %s response', (operationId, status, schema) => {
    const op = operation(operationId);
    const pointer = op.responses.get(status);
    if (pointer === undefined) throw new Error(`${operationId} has no JSON ${status} response in the document`);
    const client = clientShape(schema);
    const doc = docShape(pointer);
    const where = `${operationId} ${status} response`;
    const problems = [
      // Everything the document may send in a field the client reads must be accepted by it.
      ...notWithin(doc, client, '', () => null),
      ...requiredNotIn(client, doc, '').map((path) =>
        `${path}: required by the client, ${hasPath(doc, path) ? 'optional in' : 'absent from'} the document`,
      ),
    ].map((p) => `${where} ${p}`);
    expect(unexplained(problems, used)).toEqual([]);
  });

  it('lists no exception that is not needed', () => {
    expect(CLIENT_EXCEPTIONS.map((e) => e.where).filter((w) => !used.has(w))).toEqual([]);
  });

  it('reads the whole document (a check that compares nothing would pass everything)', () => {
    expect(Object.keys(openApiDocument().components.schemas).length).toBeGreaterThan(50);
    expect(docShape(operation('createKeys').body!.schemaPointer).properties.has('name')).toBe(true);
    expect(clientShape(S.CreateKeysRequest).properties.has('name')).toBe(true);
  });
});

describe('the comparison itself', () => {
  const body = (schema: z.ZodType) => {
    const doc = docShape(operation('createKeys').body!.schemaPointer);
    const client = clientShape(schema);
    return [...notWithin(client, doc, '', (p) => `${p}: not in the document`), ...requiredNotIn(doc, client, '')];
  };

  it('finds a field the document lacks, a wrong enum value, a looser limit, a missing required field', () => {
    expect(body(z.strictObject({ name: z.string().min(1), colour: z.string() }))).toEqual(['colour: not in the document']);
    expect(body(z.strictObject({ name: z.string().min(1), limit_reset: z.enum(['daily', 'yearly']).nullable() }))).toEqual([
      'limit_reset: admits "yearly"; the other side\'s enum is ["daily","weekly","monthly",null]',
    ]);
    expect(body(z.strictObject({ name: z.string() }))).toEqual(['name: minLength none; the other side 1']);
    expect(body(z.strictObject({ name: z.string().min(1).optional() }))).toEqual(['name']);
    expect(body(z.strictObject({ name: z.string().min(1), limit: z.string() }))).toEqual([
      'limit: admits string; the other side only null|number',
    ]);
  });

  it('finds a response field the client requires and the document does not', () => {
    const doc = docShape(operation('listOrganizationMembers').responses.get('200')!);
    const client = clientShape(z.looseObject({ data: z.array(z.looseObject({ id: z.string(), nickname: z.string() })), total_count: z.int() }));
    expect(requiredNotIn(client, doc, '')).toEqual(['data[].nickname']);
    const enumClient = clientShape(z.looseObject({ data: z.array(z.looseObject({ role: z.enum(['org:admin']) })) }));
    expect(notWithin(doc, enumClient, '', () => null)).toEqual([
      'data[].role: admits "org:member"; the other side\'s enum is ["org:admin"]',
    ]);
  });
});

function hasPath(shape: Shape, path: string): boolean {
  let node: Shape | undefined = shape;
  for (const part of path.split('.')) {
    const name = part.replace(/\[\]$/, '');
    node = node?.properties.get(name);
    if (part.endsWith('[]')) node = node?.items;
  }
  return node !== undefined;
}
