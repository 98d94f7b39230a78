// Where the client's zod schemas (src/api/schemas.ts) may differ from the document, each with
// its reason. The check in client-schemas.test.ts fails on any difference not listed here.

export interface ClientException {
  /** e.g. `getCurrentKey response data.organization_id` */
  where: string;
  reason: string;
}

export const CLIENT_EXCEPTIONS: readonly ClientException[] = [];
