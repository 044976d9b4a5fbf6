// Calls the running app's API from inside the signed-in page, to check what was saved
// (not only what is drawn).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { inView } from './calendar';

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

/** The id of an engineer or a pipeline of the example team, by name. */
export async function idOf(page: Page, kind: 'pipeline' | 'engineer', name: string): Promise<number> {
  if (kind === 'engineer')
    return (await api<{ id: number; name: string }[]>(page, 'engineers:list')).find((e) => e.name === name)!.id;
  const rows = await api<{ pipeline: { id: number; name: string } }[]>(page, 'pipelines:list');
  return rows.find((r) => r.pipeline.name === name)!.pipeline.id;
}

/** Plans a drill of a pipeline's runbook scenario at an instant, through the API; the drill's id. */
export async function planDrill(
  page: Page,
  plan: { pipeline: string; scenario: string; at: string; facilitator: string },
): Promise<number> {
  const pipelineId = await idOf(page, 'pipeline', plan.pipeline);
  const view = await api<{ runbook: { scenarios: { id: number; title: string }[] } }>(page, 'runbooks:get', {
    pipelineId,
  });
  const { drill } = await api<{ drill: { id: number } }>(page, 'drills:schedule', {
    pipelineId,
    scenarioId: view.runbook.scenarios.find((s) => s.title === plan.scenario)!.id,
    scheduledAt: plan.at,
    facilitatorId: await idOf(page, 'engineer', plan.facilitator),
  });
  return drill.id;
}

/**
 * Whether the calendar shows where the drag would land at the point: the days it would take
 * are highlighted there (a move or a cover), or the stretched shift is drawn across it in that
 * week (a resize).
 */
async function dropShownAt(page: Page, { x, y }: { x: number; y: number }): Promise<boolean> {
  const boxes = async (selector: string) =>
    (await Promise.all((await page.locator(selector).all()).map((l) => l.boundingBox()))).filter((b) => b !== null);
  const spansX = (b: { x: number; width: number }) => b.width > 0 && b.x <= x && x <= b.x + b.width;
  if ((await boxes(inView('.fc-highlight'))).some((b) => spansX(b) && b.y <= y && y <= b.y + b.height)) return true;
  const row = (await boxes(inView('.fc-daygrid-body tr'))).find((b) => b.y <= y && y <= b.y + b.height);
  return (
    row !== undefined &&
    (await boxes(inView('.fc-event-mirror'))).some(
      (m) => spansX(m) && m.y >= row.y && m.y + m.height <= row.y + row.height,
    )
  );
}

/**
 * Moves the mouse like a person: press, travel in small steps, and let go once the calendar
 * shows where it would land, as a person waits to see that before letting go.
 */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 16,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await expect
    .poll(() => dropShownAt(page, to), {
      timeout: 5_000,
      message: 'the calendar never showed where the drop would land',
    })
    .toBe(true);
  await page.mouse.up();
}

export async function centerOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`Nothing on screen matches ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
