// Calls the running app's API from inside the signed-in page, to check what was saved
// (not only what is drawn).
import type { Page } from 'playwright-core';

export async function api<T = unknown>(page: Page, channel: string, args: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name as string}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [channel, args] as const,
  );
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error?.message}`);
  return result.value as T;
}

/** Moves the mouse like a person: press, travel in small steps, release. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 16,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i += 1) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await page.waitForTimeout(12);
  }
  await page.waitForTimeout(30);
  await page.mouse.up();
}

export async function centerOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`Nothing on screen matches ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
