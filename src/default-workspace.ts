// The account's own workspace, here below every layer (no zod, no YAML) so that the first reads of
// plan (api/list-requests.ts) can name it before the schemas are loaded.

/** The account's own workspace: always exists, cannot be created or deleted. */
export const DEFAULT_WORKSPACE = 'default';
