/**
 * The test a typed part of a city's name puts to a row (trimmed, any case), or null when nothing
 * was typed: one rule for every search of cities (300 at national scale).
 */
export function cityNameFilter(
  text: string,
): ((row: { cityName?: string | null }) => boolean) | null {
  const wanted = text.trim().toLowerCase();
  return wanted ? (row) => (row.cityName ?? '').toLowerCase().includes(wanted) : null;
}
