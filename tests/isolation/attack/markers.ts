// Unique strings planted in everything of the target territories. Each says who may see
// it: `public` (B's public face: its directory entry, public open listings and what they
// show), `members` (B's active members), `secret` (B's moderators, or the private
// territory P). A caller of A finding a marker above what it may see is a leak.
export type Level = 'public' | 'members' | 'secret';

export interface Marker {
  value: string;
  level: Level;
  what: string;
  /** The one caller for whom this is their own data (the person who belongs to both). */
  exemptFor?: string;
}

export class MarkerBook {
  /** Random per run, so a marker never matches anything but the row it was planted in. */
  readonly tag = `zq${Math.random().toString(36).slice(2, 8)}`;
  readonly markers: Marker[] = [];

  /** A marker string for a text field. */
  add(label: string, level: Level): string {
    const value = `${this.tag}-${label}`;
    this.markers.push({ value, level, what: label });
    return value;
  }

  /** A slug carrying the run's tag (registered as a marker once the territory exists). */
  slug(label: string): string {
    return `${label}-${this.tag}`;
  }

  /** A value the API chose (an id, an email): a marker too. */
  value(value: string, level: Level, what: string, exemptFor?: string): void {
    this.markers.push({ value: value.toLowerCase(), level, what, exemptFor });
  }
}
