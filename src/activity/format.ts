// Numbers as people read them in activity reports. Only renderers use these: the report and the
// JSON keep exact values.

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Cents, and a visible "<$0.01" for a spend too small to round to one. */
export function usd(n: number): string {
  return n > 0 && n < 0.005 ? '<$0.01' : USD.format(n);
}

export function integer(n: number): string {
  return INTEGER.format(n);
}

/** Token counts in a table: 1.2M, 345.7K. */
export function compact(n: number): string {
  return COMPACT.format(n);
}

/** A share (0..1) as a percentage with one decimal; "—" when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

export function plural(n: number, noun: string): string {
  return `${integer(n)} ${noun}${n === 1 ? '' : 's'}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 11-02": the weekday matters when reading a month of spend (weekends are quieter). */
export function shortDay(date: string): string {
  return `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date.slice(5)}`;
}
