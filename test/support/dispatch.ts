// Calling the app's handlers as the screens do, for tests: the answer, or the refusal's message.
import type { WatchbillApp } from '../../src/main/app';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';

/** `call` answers or throws with the refusal; `refusal` answers with the message of a refused call. */
export function dispatcher(app: () => WatchbillApp) {
  return {
    async call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
      const result = await app().dispatch(channel, args);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as ResultOf<K>;
    },
    async refusal<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<string> {
      const result = await app().dispatch(channel, args);
      if (result.ok) throw new Error(`${channel} was accepted`);
      return result.error.message;
    },
  };
}
