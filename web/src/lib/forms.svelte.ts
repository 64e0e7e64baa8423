// Progressive enhancement for form actions: without JavaScript the form posts and the
// page comes back with its messages; with it, use:enhance does the same without a reload,
// disables the button while sending and moves focus to the message.
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

export function enhancedForm() {
  let sending = $state(false);
  const submit: SubmitFunction = ({ formElement }) => {
    sending = true;
    return async ({ update, result }) => {
      await update({ reset: false });
      // Like the page without JavaScript: what was typed stays, except passwords.
      if (result.type === 'failure') {
        for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
      }
      sending = false;
      await tick();
      document.querySelector<HTMLElement>('main [role="alert"], main [data-focus-after-submit]')?.focus();
    };
  };
  return {
    get sending() {
      return sending;
    },
    submit,
  };
}
