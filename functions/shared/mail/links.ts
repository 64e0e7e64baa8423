// Pages of the site that emails link to. The site (web/) serves these paths.
export const SITE_PATHS = {
  verifyEmail: '/compte/verifier-email',
  resetPassword: '/compte/nouveau-mot-de-passe',
  acceptInvitation: (slug: string) => `/t/${slug}/invitation`,
  territory: (slug: string) => `/t/${slug}`,
  pendingMembers: (slug: string) => `/t/${slug}/admin/membres`,
  listing: (slug: string, id: string) => `/t/${slug}/annonces/${id}`,
  conversations: (slug: string) => `/t/${slug}/conversations`,
  conversation: (slug: string, id: string) => `/t/${slug}/conversations/${id}`,
  cooperation: (slug: string, id: string) => `/t/${slug}/cooperations/${id}`,
  notifications: (slug: string) => `/t/${slug}/notifications`,
  savedSearches: (slug: string) => `/t/${slug}/recherches`,
  map: (slug: string) => `/t/${slug}/carte`,
  matchingExplained: '/comment-nous-suggerons',
  notificationPreferences: '/compte/notifications',
  unsubscribe: '/desabonnement',
} as const;

export function siteLink(publicUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${publicUrl}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
