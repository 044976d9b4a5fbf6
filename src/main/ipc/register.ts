// The one road every call takes, whichever host carried it: check who sent it, parse the
// payload with its schema, run the handler, answer a Result envelope. Nothing is thrown
// across the bridge and nothing is written when a payload is refused.
import { ZodError } from 'zod';
import { CHANNEL_NAMES, channels, isChannel, type Channel, type Handlers } from '../../shared/ipc/contract';
import { describeZodError } from '../../shared/ipc/schemas';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { constraintReason } from '../db/errors';

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/**
 * Joins the services' handler groups into one table. A channel served twice, or not at
 * all, is a programming error that must stop the app at start, not surface on first use.
 */
export function mergeHandlers(...groups: Partial<Handlers>[]): Handlers {
  const merged: Partial<Record<Channel, unknown>> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (!isChannel(name)) throw new Error(`Handler for unknown channel '${name}'.`);
      if (merged[name]) throw new Error(`Channel '${name}' has two handlers.`);
      merged[name] = handler;
    }
  }
  const missing = CHANNEL_NAMES.filter((name) => !merged[name]);
  if (missing.length) throw new Error(`Channels without a handler: ${missing.join(', ')}.`);
  return merged as Handlers;
}

export interface DispatchOptions {
  /** Unexpected errors are logged here (with stack) while the caller gets a plain message. */
  log?: (message: string, error: unknown) => void;
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('unknown_channel', `There is no channel '${channel}'.`);
    const parsed = channels[channel].args.safeParse(payload ?? {});
    if (!parsed.success) return fail('invalid_input', `${channel}: ${describeZodError(parsed.error)}`);
    try {
      const handler = handlers[channel] as (args: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message);
      if (error instanceof ZodError) return fail('invalid_input', `${channel}: ${describeZodError(error)}`);
      log(`Handler for ${channel} failed`, error);
      // A rule the schemas and services should have caught first; the user still gets words, not SQLite's text.
      const reason = constraintReason(error);
      if (reason) return fail('conflict', `This was not saved: ${reason}.`);
      return fail('internal', `${channel} failed: ${(error as Error)?.message ?? String(error)}`);
    }
  };
}
