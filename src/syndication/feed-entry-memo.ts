import type { FeedEntry } from './feed-model.js';

/**
 * Feed entries kept between the builds of a session, by everything an item
 * shows of its article (its description, as the feeds' keys hold it): a
 * publish writes the new article's entry and takes every other from here,
 * instead of writing each entry again in every feed that shows it.
 */
export interface FeedEntryMemo {
  get(description: string): FeedEntry | undefined;
  set(description: string, entry: FeedEntry): void;
}

/** A session's memo of feed entries, handed to each build with the settings it renders under. */
export interface SessionFeedEntries {
  forBuild(settings: string): FeedEntryMemo;
}

/**
 * Keeps entries while the settings hold (config, theme, static files and
 * plugins: what an item reads besides its article; a feed is kept on the
 * same terms), and only those the last two builds read, so an archive's
 * worth never accumulates.
 */
export function createSessionFeedEntries(): SessionFeedEntries {
  let settingsOf = '';
  let current = new Map<string, FeedEntry>();
  let previous = new Map<string, FeedEntry>();
  const memo: FeedEntryMemo = {
    get(description) {
      const found = current.get(description) ?? previous.get(description);
      if (found) current.set(description, found);
      return found;
    },
    set(description, entry) {
      current.set(description, entry);
    },
  };
  return {
    forBuild(settings) {
      previous = settings === settingsOf ? current : new Map();
      current = new Map();
      settingsOf = settings;
      return memo;
    },
  };
}
