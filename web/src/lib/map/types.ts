// The map's shapes, from the API's schemas (generated in schema.d.ts).
import type { components } from '$lib/api/schema';

export type MapData = components['schemas']['MapData'];
export type MapListing = MapData['listings'][number];
export type MapOrganisation = MapData['organisations'][number];
export type Tiles = components['schemas']['InstanceInfo']['map'];

/** The words the map draws (the page gives them in the person's language). */
export interface MapWords {
  offer(title: string): string;
  need(title: string): string;
  organisation(name: string): string;
  kindOffer: string;
  kindNeed: string;
  open: string;
  cluster(count: number): string;
  approximate: string;
  organisationKind(kind: MapOrganisation['kind']): string;
  category(listing: MapListing): string;
}
