import { defineFunction } from '../shared/http/function';

/** Responses to listings and the private conversations they open. */
export default defineFunction({
  name: 'conversations',
  register() {},
});
