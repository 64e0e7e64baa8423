import type { Cluster } from './cluster';
import type { Bundles } from './stack';

/** What the scenarios share: one cluster of our own and the function bundles, built once. */
export interface Suite {
  cluster: Cluster;
  bundles: Bundles;
}
