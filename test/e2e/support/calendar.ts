// The calendar keeps the previous and next periods drawn out of sight beside the one in view
// (src/renderer/features/calendar/CalendarDeck.tsx): their day cells and shifts repeat the
// ones in view. Tests find what is on the calendar through these, so none can hit a hidden one.

/** The period the calendar shows. */
export const IN_VIEW = '[data-testid="calendar"] [data-period="current"]';

/** `selector` within the period the calendar shows. */
export const inView = (selector: string): string => `${IN_VIEW} ${selector}`;
