import type { ZodType } from 'zod';

/** Declares a channel's result type; the value itself is never used at run time. */
export const returns = <T>(): T => undefined as T;

export interface ChannelSpec {
  args: ZodType;
  result: unknown;
}

/**
 * Joins the channel groups of each domain into the contract. A name declared by two groups
 * would silently shadow one, so it stops the app at start instead.
 */
export function mergeChannelGroups<T extends Record<string, ChannelSpec>[]>(
  ...groups: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, ChannelSpec> = {};
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (name in merged) throw new Error(`The channel '${name}' is declared twice.`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
