// Pages of the site that emails link to. The site (web/) serves these paths.
export const SITE_PATHS = {
  verifyEmail: '/compte/verifier-email',
  resetPassword: '/compte/nouveau-mot-de-passe',
  acceptInvitation: (slug: string) => `/t/${slug}/invitation`,
  territory: (slug: string) => `/t/${slug}`,
  pendingMembers: (slug: string) => `/t/${slug}/admin/membres`,
} as const;

export function siteLink(publicUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${publicUrl}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
