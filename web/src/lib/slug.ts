// The address of a territory (/t/{slug}) suggested from its name: lower-case letters,
// digits and dashes, as the API's TerritorySlug accepts (3 to 63 characters).
export function slugify(name: string, max = 63): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}
