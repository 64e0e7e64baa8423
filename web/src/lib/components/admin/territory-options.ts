// The choices of the territory forms (creation and settings), explained in plain words.
import { m } from '$lib/paraglide/messages.js';

export const policyOptions = () => [
  { value: 'approval', label: m.create_policy_approval(), text: m.create_policy_approval_text() },
  { value: 'open', label: m.create_policy_open(), text: m.create_policy_open_text() },
  { value: 'invitation', label: m.create_policy_invitation(), text: m.create_policy_invitation_text() },
];

export const visibilityOptions = () => [
  { value: 'public', label: m.create_visibility_public(), text: m.create_visibility_public_text() },
  { value: 'private', label: m.create_visibility_private(), text: m.create_visibility_private_text() },
];
