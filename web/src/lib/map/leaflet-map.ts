// The interactive map, loaded only by the map page through a dynamic import(), so Leaflet
// (about 150 kB with the clustering plugin) never weighs on the other pages. Popups and
// labels are built as DOM nodes, never from HTML strings: titles are members' text.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './map.css';
import type { MapData, MapListing, MapOrganisation, MapWords, Tiles } from './types';

export interface TerritoryMap {
  show(data: MapData): void;
  destroy(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function listingPopup(listing: MapListing, href: string, words: MapWords): HTMLElement {
  const box = element('div', undefined, 'map-popup');
  box.append(element('p', `${listing.kind === 'offer' ? words.kindOffer : words.kindNeed} · ${words.category(listing)}`, `map-popup-kind ${listing.kind}`));
  box.append(element('p', listing.title, 'map-popup-title'));
  const where = [listing.commune, listing.approximate ? words.approximate : null].filter(Boolean).join(' · ');
  if (where) box.append(element('p', where, 'map-popup-where'));
  const link = element('a', words.open);
  link.href = href;
  box.append(link);
  return box;
}

function organisationPopup(o: MapOrganisation, words: MapWords): HTMLElement {
  const box = element('div', undefined, 'map-popup');
  box.append(element('p', words.organisationKind(o.kind), 'map-popup-kind organisation'));
  box.append(element('p', o.name, 'map-popup-title'));
  if (o.commune) box.append(element('p', o.commune, 'map-popup-where'));
  return box;
}

const icon = (kind: 'offer' | 'need' | 'organisation') =>
  L.divIcon({ className: `map-marker ${kind}`, html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -12] });

export function createTerritoryMap(
  container: HTMLElement,
  options: { tiles: Tiles; words: MapWords; listingHref(id: string): string; centre: [number, number] | null },
): TerritoryMap {
  const { tiles, words } = options;
  const map = L.map(container, { scrollWheelZoom: false, zoomControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // The attribution is configuration text: escaped, then linked. Always shown.
  const attribution = element('a', tiles.attribution);
  attribution.href = tiles.attributionUrl;
  L.tileLayer(tiles.tileUrl, { attribution: attribution.outerHTML, maxZoom: 19 }).addTo(map);
  map.setView(options.centre ?? [46.6, 2.4], options.centre ? 10 : 5);

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    iconCreateFunction(cluster) {
      const count = cluster.getChildCount();
      const label = element('span', String(count));
      const hidden = element('span', ` ${words.cluster(count)}`, 'visually-hidden');
      const box = element('div');
      box.append(label, hidden);
      return L.divIcon({ className: 'map-cluster', html: box.innerHTML, iconSize: [40, 40] });
    },
  });
  map.addLayer(clusters);

  return {
    show(data) {
      clusters.clearLayers();
      const markers: L.Marker[] = [];
      for (const listing of data.listings) {
        const title = listing.kind === 'offer' ? words.offer(listing.title) : words.need(listing.title);
        const marker = L.marker([listing.lat, listing.lon], { icon: icon(listing.kind), title, alt: title });
        marker.bindPopup(() => listingPopup(listing, options.listingHref(listing.id), words));
        markers.push(marker);
      }
      for (const o of data.organisations) {
        const title = words.organisation(o.name);
        const marker = L.marker([o.lat, o.lon], { icon: icon('organisation'), title, alt: title });
        marker.bindPopup(() => organisationPopup(o, words));
        markers.push(marker);
      }
      clusters.addLayers(markers);
      // Frame what was searched for: the listings, or the structures when there is none.
      const framed = data.listings.length > 0 ? markers.slice(0, data.listings.length) : markers;
      if (framed.length > 0) map.fitBounds(L.latLngBounds(framed.map((mk) => mk.getLatLng())), { padding: [32, 32], maxZoom: 13 });
    },
    destroy() {
      map.remove();
    },
  };
}
