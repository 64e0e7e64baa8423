import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';

/** Responses to listings and the private conversations they open. */
export default defineFunction({
  name: 'conversations',
  register(app) {
    app.openapi(r.respondToListing, h.respondToListing);
    app.openapi(r.listConversations, h.listConversations);
    // Before {conversationId}: "unread" is not a conversation id.
    app.openapi(r.countUnread, h.countUnread);
    app.openapi(r.getConversation, h.getConversation);
    app.openapi(r.sendMessage, h.sendMessage);
    app.openapi(r.markRead, h.markRead);
  },
});
