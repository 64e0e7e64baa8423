// Shapes shared by the member area's server code and its components.
import type { components } from '$lib/api/schema';

export type Category = components['schemas']['Category'];

/** A point of the territory to search around: its centre, or a commune of its organisations. */
export interface Place {
  /** What the address carries: 'centre' or the commune's name. */
  value: string;
  label: string;
  /** 'lat,lon' for the API. */
  near: string;
  lat: number;
  lon: number;
}

export const LISTING_FIELDS = [
  'kind',
  'title',
  'categoryId',
  'description',
  'exchangeModes',
  'quantity',
  'unit',
  'availableFrom',
  'availableUntil',
  'commune',
  'visibility',
] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];
/** What the person typed, as text (exchange modes joined by commas), to fill the form again. */
export type ListingValues = Record<ListingField, string>;
