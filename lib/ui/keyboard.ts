/** Whether a key event comes from a field the user is typing in (so page shortcuts stay out of the way). */
export const isTypingTarget = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
