/** An instant with the ISO 8601 text in the site's time zone (with its offset). */
export interface Instant {
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** ISO 8601 with offset in the site's time zone, e.g. `2016-09-09T10:46:00+07:00`. */
  readonly iso: string;
}
