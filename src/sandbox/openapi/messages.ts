// ajv's errors as one readable line that names each offending field by its path, e.g.
// `content_filters[0].action: must be one of "redact", "block", "flag"`.

/** The fields of an ajv ErrorObject this module reads. */
export interface SchemaError {
  keyword: string;
  /** JSON pointer of the offending value, e.g. `/content_filters/0/action`. */
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** `content_filters[0].action` for `/content_filters/0/action`; '' for the root. */
export function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath === '' ? [] : instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const FORMATS: Record<string, string> = { uuid: 'a UUID', 'date-time': 'an RFC 3339 date-time', uri: 'a URI' };

function describe(e: SchemaError): string {
  const at = (text: string, path = fieldPath(e.instancePath)) => (path === '' ? text : `${path}: ${text}`);
  switch (e.keyword) {
    case 'required':
      return at('is required', fieldPath(e.instancePath, String(e.params.missingProperty)));
    case 'additionalProperties':
      return at(`Unrecognized key: "${String(e.params.additionalProperty)}"`);
    case 'unevaluatedProperties':
      return at(`Unrecognized key: "${String(e.params.unevaluatedProperty)}"`);
    case 'type': {
      const types = String(e.params.type).split(',');
      return at(`expected ${types.join(' or ')}`);
    }
    case 'enum':
      return at(`must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    case 'format':
      return at(`must be ${FORMATS[String(e.params.format)] ?? `in format ${String(e.params.format)}`}`);
    default:
      return at(e.message ?? e.keyword);
  }
}

/** One line for all errors; a failed anyOf/oneOf adds nothing its branches have not said. */
export function describeErrors(errors: readonly SchemaError[]): string {
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const lines = (specific.length > 0 ? specific : errors).map(describe);
  return [...new Set(lines)].join('; ');
}
