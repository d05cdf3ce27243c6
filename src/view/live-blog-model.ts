/** A time as the page shows it: ISO 8601 for `datetime`, and as the locale writes it (a `DateView` is one). */
export interface LiveTimeView {
  readonly iso: string;
  readonly display: string;
}

/** One update of a live blog, for the page and its structured data. */
export interface LiveUpdateView {
  /** The update's anchor on the page (`update-20261207-1046`). */
  readonly id: string;
  readonly headline: string | undefined;
  readonly date: LiveTimeView;
  /** Its plain text, the headline left out. */
  readonly text: string;
}

/** What an article page shows of a live blog; `live` false and no updates for other articles. */
export interface LiveBlogView {
  /** A live blog (`live: true`): the page loads the theme's live blog stylesheet. */
  readonly live: boolean;
  /** Coverage runs at the build's clock (not past `liveUntil`): the page shows the live marker. */
  readonly liveNow: boolean;
  /** When coverage ends (`liveUntil`), if set. */
  readonly liveUntil: LiveTimeView | undefined;
  /** The updates, newest first. */
  readonly liveUpdates: readonly LiveUpdateView[];
}
