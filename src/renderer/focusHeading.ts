// After a change of screen, keyboard focus belongs on the new screen's title, so a keyboard or
// screen-reader user hears where they are and Tab starts from there. A screen may draw its
// title only once its data has loaded, or draw it anew (loading, then ready): the title is
// focused whenever it appears while focus is lost to the page, until the user acts.

const TITLE = '#screen-title';

/** Focuses the screen's title under `root` now and as it is redrawn; returns a stop function. */
export function keepTitleFocused(root: HTMLElement): () => void {
  const focusTitle = () => {
    const active = document.activeElement;
    // Focus inside the screen is where it should be; on the sidebar's button that chose the
    // screen, or lost to the page when the title was redrawn, it moves to the title.
    if (active && active !== document.body && root.contains(active)) return;
    root.querySelector<HTMLElement>(TITLE)?.focus({ preventScroll: true });
  };
  const observer = new MutationObserver(focusTitle);
  observer.observe(root, { childList: true, subtree: true });
  // The user takes over: a click or a key press ends the watch.
  const stop = () => {
    observer.disconnect();
    window.removeEventListener('pointerdown', stop, true);
    window.removeEventListener('keydown', stop, true);
  };
  window.addEventListener('pointerdown', stop, true);
  window.addEventListener('keydown', stop, true);
  focusTitle();
  return stop;
}
