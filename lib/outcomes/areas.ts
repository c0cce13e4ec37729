// The areas help-seeking figures are counted in. The charity's county breakdown follows the police
// force areas, so the areas are the forces' areas in the database (a force added later brings its
// area), plus the region itself for the regional totals it publishes. A council's area lies inside
// a force's: counting figures for both would count the same people twice in the region's total,
// so partners' areas are not outcome areas. Pure.

/** The region's own figures (the published totals) are filed under this name. */
export const REGION = 'North West';

/** The area as the database spells it, matched without regard to case or spaces around; or null. */
export function canonicalArea(text: string, areas: readonly string[]): string | null {
  const wanted = text.trim().toLowerCase();
  return areas.find((area) => area.toLowerCase() === wanted) ?? null;
}

/** The list a message names: "Cheshire, Cumbria or North West". */
export function areaList(areas: readonly string[]): string {
  if (areas.length <= 1) return areas.join('');
  return `${areas.slice(0, -1).join(', ')} or ${areas.at(-1)}`;
}
