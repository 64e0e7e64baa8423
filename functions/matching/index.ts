import { defineFunction } from '../shared/http/function';

/** Transparent matching: suggestions with their reasons, unmatched needs. */
export default defineFunction({
  name: 'matching',
  register() {},
});
