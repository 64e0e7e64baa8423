// Short names for the API's schemas (generated in schema.d.ts).
import type { components } from './schema';

type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Problem = Schemas['Problem'];
export type Territory = Schemas['Territory'];
export type TerritorySummary = Schemas['TerritorySummary'];
export type MyTerritory = Schemas['MyTerritory'];
export type Listing = Schemas['Listing'];
export type InstanceInfo = Schemas['InstanceInfo'];
