// Short names for the API's conversation schemas.
import type { components } from '$lib/api/schema';

type Schemas = components['schemas'];
export type Conversation = Schemas['Conversation'];
export type ConversationSummary = Schemas['ConversationSummary'];
export type ConversationMessage = Schemas['ConversationMessage'];

/** The other side, seen from mine; a facilitator who only reads sees the responder. */
export function otherSide(c: ConversationSummary) {
  return c.mySide === 'responder' ? c.author : c.responder;
}

/** « Paul Confiturier (Confitures du Pic) » */
export function sideName(side: ConversationSummary['author']): string {
  return side.organisation ? `${side.name} (${side.organisation.name})` : side.name;
}
