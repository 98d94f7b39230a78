// The words shared by every format of an activity report: what it is grouped by, which days it
// covers, which filters narrowed it. Plain strings; names in them are escaped by each renderer.
import { plural } from './format.js';
import type { ActivityReport, Dimension } from './report.js';

export const DIMENSION_TITLE: Record<Dimension, string> = {
  model: 'model',
  provider: 'provider',
  day: 'day',
  workspace: 'workspace',
  endpoint: 'endpoint (model via provider)',
  key: 'key',
};

/** The column heading of a row's name. */
export const DIMENSION_COLUMN: Record<Dimension, string> = {
  model: 'model',
  provider: 'provider',
  day: 'date',
  workspace: 'workspace',
  endpoint: 'endpoint',
  key: 'key',
};

export function periodText(r: ActivityReport): string {
  const p = r.period;
  return p.first === p.last ? `on ${p.first} (one UTC day)` : `${p.first} to ${p.last} (${plural(p.days, 'completed UTC day')})`;
}

/** The filters that narrowed the report, as [what, untrusted value] pairs. */
export function filterParts(r: ActivityReport): [string, string][] {
  const f = r.filters;
  const parts: [string, string][] = [];
  if (f.workspace !== null) parts.push(['workspace', f.workspace]);
  if (f.key !== null) parts.push(['key', f.key]);
  if (f.member !== null) parts.push(['member', f.member]);
  return parts;
}
