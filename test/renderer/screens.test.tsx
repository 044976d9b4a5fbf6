// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { lazyScreen, ScreenLoading } from '../../src/renderer/screens';

afterEach(cleanup);

const Team = () => <h1>Team</h1>;

/** A screen's code whose arrival the test decides. */
function pendingCode() {
  let arrive: (component: typeof Team) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const code = new Promise<typeof Team>((resolve, reject) => {
    arrive = resolve;
    fail = reject;
  });
  return { code, arrive: (c: typeof Team) => arrive(c), fail: (e: Error) => fail(e) };
}

const show = (View: ComponentType) =>
  render(
    <Suspense fallback={<ScreenLoading />}>
      <View />
    </Suspense>,
  );

describe('screens loaded on first visit', () => {
  test('a screen whose code is still on its way shows the loading state, then the screen', async () => {
    const pending = pendingCode();
    const { View } = lazyScreen(() => pending.code);
    show(View);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    await act(async () => pending.arrive(Team));
    expect(screen.getByRole('heading', { name: 'Team' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('a screen loaded in the background shows at once, without the loading state', async () => {
    const { View, preload } = lazyScreen(() => Promise.resolve(Team));
    await preload();
    show(View);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Team' })).toBeTruthy();
  });

  test('code that failed to load is fetched again on the next try', async () => {
    const attempts = [pendingCode(), pendingCode()];
    let tries = 0;
    const { preload } = lazyScreen(() => attempts[tries++]!.code);
    const first = preload();
    attempts[0]!.fail(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const second = preload();
    attempts[1]!.arrive(Team);
    await expect(second).resolves.toBe(Team);
    expect(tries).toBe(2);
  });
});
