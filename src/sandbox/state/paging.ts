// Offset paging as the API does it: a slice of the current list, no snapshot, so a list that
// changes between two pages may skip or repeat an item (README, "Listing").
export function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}
