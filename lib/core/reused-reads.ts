/**
 * Reads of "now" that the next minute may reuse: the annual and the daily overview read every
 * municipality's events for the current minute, and the next minute derives the same rows again at
 * its own instant instead of reading them all again, unless a row is dated between the two instants
 * (`changedBetween`: a future receipt coming due) or the read is older than `reuseMs` (a row changed
 * in place still shows). Kept per key (data version and season), the most recent `limit` keys.
 */
export class ReusedReads<Value> {
  private readonly reads = new Map<string, { asOf: Date; value: Promise<Value> }>();

  constructor(private readonly options: { limit: number; reuseMs: number }) {}

  async read(
    key: string,
    asOf: Date,
    changedBetween: (after: Date, until: Date) => Promise<boolean>,
    load: () => Promise<Value>,
  ): Promise<Value> {
    const read = this.reads.get(key);
    const age = read ? asOf.getTime() - read.asOf.getTime() : -1;
    if (read && age >= 0 && age <= this.options.reuseMs && (age === 0 || !(await changedBetween(read.asOf, asOf))))
      return read.value;
    const value = load();
    this.reads.delete(key);
    if (this.reads.size >= this.options.limit) this.reads.delete(this.reads.keys().next().value!);
    this.reads.set(key, { asOf, value });
    value.catch(() => this.reads.delete(key));
    return value;
  }
}
