/**
 * A pure function whose answers are kept between calls, for what is asked again and again with the
 * same argument and costs more than a Map lookup: Intl formatting, Oslo dates, working-day counts.
 * Every request renders the same dates and counts, so nearly every call after the first is a
 * lookup. Bounded so a long-running server stays small: when `limit` answers are kept, they are all
 * dropped (the keys in use come back at once).
 */
export function remembered<K, V>(compute: (key: K) => V, limit = 10_000): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      answer = compute(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    return answer as V;
  };
}
