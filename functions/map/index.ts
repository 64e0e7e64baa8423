import { defineFunction } from '../shared/http/function';
import { openFeedToOtherSites } from './cors';
import * as h from './handlers';
import * as r from './routes';

/** The territory map's data and the public GeoJSON feed (uMap). */
export default defineFunction({
  name: 'map',
  register(app) {
    openFeedToOtherSites(app);
    app.openapi(r.getMap, h.getMap);
    app.openapi(r.getListingsGeoJson, h.getListingsGeoJson);
  },
});
