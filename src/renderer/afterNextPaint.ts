/**
 * Runs `work` once the browser has drawn what is on screen now: what can wait (a refresh, a
 * figure beside the calendar) then does not delay the frame a person is waiting for. A page
 * out of sight draws no frames, so there it runs at once.
 */
export function afterNextPaint(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    setTimeout(work, 0);
    return;
  }
  // The frame callback runs before the paint; the task it queues, after it.
  requestAnimationFrame(() => setTimeout(work, 0));
}
