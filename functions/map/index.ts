import { defineFunction } from '../shared/http/function';

/** The territory map's data and the public GeoJSON feed (uMap). */
export default defineFunction({
  name: 'map',
  register() {},
});
