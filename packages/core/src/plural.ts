/** "1 commit", "2 commits", "0 commits" (`many` for irregular words: "1 entry", "2 entries"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
