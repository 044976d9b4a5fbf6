// Counts as a person reads them: "1 drill note", "3 drill notes", never "1 rows".

/** `n` with the noun in the number that fits: countOf(1, 'risk', 'risks') is '1 risk'. */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
