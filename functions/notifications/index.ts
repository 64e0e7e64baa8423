import { defineFunction } from '../shared/http/function';

/** In-app notifications, email preferences, one-click unsubscribe, saved searches. */
export default defineFunction({
  name: 'notifications',
  register() {},
});
