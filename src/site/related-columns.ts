import { compareText } from './compare.js';

/** What ranking needs to know of an article. */
export interface RelatedItem {
  readonly id: string;
  readonly time: number;
  readonly section: string;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
}

/**
 * The finder's columns: each item's time, section and terms (its tags, then
 * its authors, from `starts[i]`; authors from `authorStarts[i]`) as key
 * numbers, and each key's posting list (item indexes sorted by time, then
 * id) with the items' times beside them, all lists end to end.
 */
export function indexRelatedItems(items: readonly RelatedItem[]) {
  const keys = new Map<string, number>();
  const number = (key: string) => {
    let id = keys.get(key);
    if (id === undefined) keys.set(key, (id = keys.size));
    return id;
  };
  const times = new Float64Array(items.length);
  const sections = new Int32Array(items.length);
  const starts = new Int32Array(items.length + 1);
  const authorStarts = new Int32Array(items.length);
  const termList: number[] = [];
  items.forEach((item, index) => {
    times[index] = item.time;
    sections[index] = number(`s:${item.section}`);
    starts[index] = termList.length;
    for (const tag of item.tags) termList.push(number(`t:${tag}`));
    authorStarts[index] = termList.length;
    for (const author of item.authors) termList.push(number(`a:${author}`));
  });
  starts[items.length] = termList.length;
  const terms = Int32Array.from(termList);
  const lists: number[][] = Array.from({ length: keys.size }, () => []);
  items.forEach((_, index) => {
    for (let term = starts[index] as number; term < (starts[index + 1] as number); term++)
      lists[terms[term] as number]?.push(index);
    lists[sections[index] as number]?.push(index);
  });
  const postingStarts = new Int32Array(keys.size + 1);
  const postings = new Int32Array(lists.reduce((sum, list) => sum + list.length, 0));
  const postingTimes = new Float64Array(postings.length);
  let at = 0;
  lists.forEach((list, key) => {
    list.sort(
      (a, b) => (times[a] as number) - (times[b] as number) || compareText(items[a]?.id ?? '', items[b]?.id ?? ''),
    );
    postingStarts[key] = at;
    for (const index of list) {
      postings[at] = index;
      postingTimes[at] = times[index] as number;
      at++;
    }
  });
  postingStarts[keys.size] = at;
  return { keys, times, sections, starts, authorStarts, terms, postingStarts, postings, postingTimes };
}

/** The first position in `times[start, end)` (sorted) past every time below `time` (or, `after`: at most `time`). */
export function lowerBound(times: Float64Array, start: number, end: number, time: number, after: boolean): number {
  let low = start;
  let high = end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = times[mid] as number;
    if (after ? value > time : value >= time) high = mid;
    else low = mid + 1;
  }
  return low;
}
