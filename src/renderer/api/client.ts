// The renderer's one way to the main process. In Electron the preload exposes `window.api`;
// in the browser host the same channels are POST /api/<channel> on our own origin, with the
// secret travelling as the cookie set by the start address. Either way the answer is the
// Result envelope: a refusal is data, and transport failures become one too, so callers
// never need try/catch.
import type { Api, ArgsIn, Channel, ResultOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    api?: Api;
    watchbillCommands?: { onCommand(listener: (command: string) => void): () => void };
  }
}

async function overHttp<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<Result<ResultOf<K>>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(args),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Watchbill is not reachable: is `watchbill serve` still running?' },
    };
  }
  if (response.status === 403) {
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Not signed in: open Watchbill with the address printed when it started.' },
    };
  }
  try {
    return (await response.json()) as Result<ResultOf<K>>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected answer from Watchbill (HTTP ${response.status}).` },
    };
  }
}

export async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<Result<ResultOf<K>>> {
  const bridge = window.api;
  if (!bridge) return overHttp(channel, args);
  try {
    // Each member of Api is typed for its own channel; indexing by a generic K loses that link.
    const fn = bridge[channel] as (a: ArgsIn<K>) => Promise<Result<ResultOf<K>>>;
    return await fn(args);
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: (error as Error)?.message ?? String(error) } };
  }
}
