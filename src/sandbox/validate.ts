// Request validation against the transcribed schemas (src/api/schemas.ts). A violation is the
// API's 400, with a message that names each offending field by its path and says what is wrong.
import type * as z from 'zod';
import { badRequest } from './api-error.js';

/** `content_filters[0].pattern` — the path of a zod issue, readable. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${formatPath(issue.path)}: ${issue.message}` : issue.message))
    .join('; ');
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) throw badRequest('Invalid request body: a JSON object is required');
  const result = schema.safeParse(body);
  if (!result.success) throw badRequest(`Invalid request body: ${formatIssues(result.error)}`);
  return result.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const result = schema.safeParse(query);
  if (!result.success) throw badRequest(`Invalid query parameters: ${formatIssues(result.error)}`);
  return result.data;
}

export function parseParam<S extends z.ZodType>(schema: S, name: string, value: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`Invalid path parameter: ${name}: ${formatIssues(result.error)}`);
  return result.data;
}
