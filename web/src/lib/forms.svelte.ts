// Progressive enhancement for form actions: without JavaScript the form posts and the
// page comes back with its messages; with it, use:enhance does the same without a reload,
// disables the button while sending and moves focus to the message.
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

export function enhancedForm() {
  let sending = $state(false);
  const submit: SubmitFunction = () => {
    sending = true;
    return async ({ update }) => {
      await update({ reset: false });
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
