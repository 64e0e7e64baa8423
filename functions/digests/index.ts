import { defineFunction } from '../shared/http/function';

/** Scheduled: emails notifications at once or in daily and weekly digests (cron-connector). */
export default defineFunction({
  name: 'digests',
  register() {},
});
