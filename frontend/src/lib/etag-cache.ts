// The last answer of a polled resource with its ETag: the next poll sends If-None-Match
// and a 304 reuses the kept answer (same object, so React re-renders nothing).

export class EtagCache<T> {
  private readonly entries = new Map<string, { etag: string; data: T }>();

  /** Headers for the next request of `key`. */
  headers(key: string): Record<string, string> {
    const entry = this.entries.get(key);
    return entry ? { "If-None-Match": entry.etag } : {};
  }

  /** The kept answer for a 304, or undefined when there is none (ask again in full). */
  reuse(key: string): T | undefined {
    return this.entries.get(key)?.data;
  }

  /** Keep a full answer (a response without an ETag is not kept) and pass it on. */
  store(key: string, etag: string | null, data: T): T {
    if (etag) this.entries.set(key, { etag, data });
    else this.entries.delete(key);
    return data;
  }
}
