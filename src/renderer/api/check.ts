// A form checks what it is about to send with the channel's own schema, so it can show the
// main process's rule, in its words, next to the field it is about, before anything is sent.
import './zod-csp';
import { channels, type ArgsIn, type ArgsOut, type Channel } from '../../shared/ipc/contract';

export type ArgsCheck<K extends Channel> =
  | { ok: true; args: ArgsOut<K> }
  | {
      ok: false;
      /** The first problem of each field, keyed by its path ('lead.name'), as a sentence: "Must not be empty." */
      problems: Record<string, string>;
    };

const sentence = (message: string) => {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

export function checkArgs<K extends Channel>(channel: K, args: ArgsIn<K>): ArgsCheck<K> {
  const parsed = channels[channel].args.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data as ArgsOut<K> };
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) problems[issue.path.join('.')] ??= sentence(issue.message);
  return { ok: false, problems };
}
