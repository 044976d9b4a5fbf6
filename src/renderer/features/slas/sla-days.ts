/** How far ahead each place looks for SLA deadlines. */
export const SLA_SCREEN_DAYS = 14;
export const TODAY_DEADLINE_DAYS = 7;
