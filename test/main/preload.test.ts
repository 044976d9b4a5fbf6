import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/ipc/contract';

const exposed = vi.hoisted(() => new Map<string, Record<string, unknown>>());
const invoke = vi.hoisted(() =>
  vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: [channel, args] })),
);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));
await import('../../src/main/preload/index');

describe('the preload bridge', () => {
  it('exposes exactly the contract’s channels as window.api, and nothing of Node or Electron', () => {
    expect(Object.keys(exposed.get('api')!).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect([...exposed.keys()].sort()).toEqual(['api', 'watchbillCommands']);
    expect(Object.keys(exposed.get('watchbillCommands')!)).toEqual(['onCommand']);
  });

  it('sends each call on its own channel with its payload', async () => {
    const api = exposed.get('api') as Record<string, (args: unknown) => Promise<unknown>>;
    expect(await api['today:get']!({ at: '2026-11-21T15:00:00.000Z' })).toEqual({
      ok: true,
      value: ['today:get', { at: '2026-11-21T15:00:00.000Z' }],
    });
  });
});
