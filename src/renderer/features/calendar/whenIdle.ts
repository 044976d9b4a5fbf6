/**
 * Runs `work` once the next frame is on screen and the tasks already waiting then have run: work
 * for what is out of sight never delays the frame a person is waiting for, nor what that frame
 * set off. Answers a cancel.
 */
export function whenIdle(work: () => void): () => void {
  let cancelled = false;
  const later = (run: () => void) => window.setTimeout(() => !cancelled && run(), 0);
  // A page out of sight draws no frames.
  const hidden = typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden';
  // The frame callback runs before the paint; a task it queues, after it; a task that one queues,
  // after the tasks that were waiting behind it.
  const frame = hidden ? later(() => later(work)) : requestAnimationFrame(() => later(() => later(work)));
  return () => {
    cancelled = true;
    if (hidden) clearTimeout(frame);
    else cancelAnimationFrame(frame);
  };
}

/**
 * As whenIdle, then only once the browser finds the page idle: for work that can wait until
 * nothing else is to be done (bringing a period out of sight up to date). Answers a cancel.
 */
export function whenQuiet(work: () => void): () => void {
  let idle: (() => void) | undefined;
  const cancelFrame = whenIdle(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(work, { timeout: 2_000 });
      idle = () => cancelIdleCallback(id);
    } else {
      const id = window.setTimeout(work, 0);
      idle = () => clearTimeout(id);
    }
  });
  return () => {
    cancelFrame();
    idle?.();
  };
}
