import { defineFunction } from '../shared/http/function';

/** Recorded cooperations, confirmed by their partners, and the territory's figures. */
export default defineFunction({
  name: 'cooperations',
  register() {},
});
