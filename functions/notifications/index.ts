import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';
import { requireOneClickForm, UNSUBSCRIBE_PATH, UNSUBSCRIBE_RAW_BODY } from './unsubscribe';

/** In-app notifications, email preferences, one-click unsubscribe, saved searches. */
export default defineFunction({
  name: 'notifications',
  rawBodies: [UNSUBSCRIBE_RAW_BODY],
  register(app) {
    app.openapi(r.listNotifications, h.listNotifications);
    app.openapi(r.countUnreadNotifications, h.countUnreadNotifications);
    app.openapi(r.markNotificationsRead, h.markNotificationsRead);
    app.openapi(r.getNotificationPreferences, h.getNotificationPreferences);
    app.openapi(r.updateNotificationPreferences, h.updateNotificationPreferences);
    app.openapi(r.getUnsubscribeLink, h.getUnsubscribeLink);
    app.use(UNSUBSCRIBE_PATH, requireOneClickForm);
    app.openapi(r.unsubscribe, h.unsubscribe);
    app.openapi(r.listSavedSearches, h.listSavedSearches);
    app.openapi(r.createSavedSearch, h.createSavedSearch);
    app.openapi(r.deleteSavedSearch, h.deleteSavedSearch);
  },
});
