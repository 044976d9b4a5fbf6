// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Component, type ComponentType, type ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { lazyScreen } from '../../src/renderer/screens';

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

class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
  }
}

const show = (View: ComponentType<{ onShown?: () => void }>, onShown?: () => void) =>
  render(
    <Boundary>
      <View onShown={onShown} />
    </Boundary>,
  );

describe('screens loaded on first visit', () => {
  test('a screen whose code is still on its way shows the loading state, then the screen', async () => {
    const pending = pendingCode();
    const { View } = lazyScreen(() => pending.code);
    const shown: string[] = [];
    show(View, () => shown.push(screen.queryByRole('heading')?.textContent ?? 'nothing'));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(shown).toEqual([]);
    await act(async () => pending.arrive(Team));
    expect(screen.getByRole('heading', { name: 'Team' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    // Told once, when the screen itself is on the page (the title gets focus then).
    expect(shown).toEqual(['Team']);
  });

  test('code that fails to load is said where the screen would be', async () => {
    const pending = pendingCode();
    const { View } = lazyScreen(() => pending.code);
    show(View);
    await act(async () => pending.fail(new Error('Failed to fetch the Team screen')));
    expect(screen.getByRole('alert').textContent).toBe('Failed to fetch the Team screen');
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
