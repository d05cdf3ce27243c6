/**
 * Codes of problems inside an article's body (Markdown, raw HTML and the
 * embed components), with their titles and hints; part of `ERROR_CODES`.
 */
export const BODY_CODES = {
  'body-placeholder': {
    title: 'A body still holds the placeholder `newsgen new` wrote',
    hint: 'Write the text in its place, or delete the line: until then, readers see the placeholder.',
  },
  'markdown-nesting': {
    title: 'Markdown nested too deep',
    hint: 'Quotes, lists and emphasis may nest at most 256 levels: flatten the structure at the place shown.',
  },
  'markdown-html-nesting': {
    title: 'Raw HTML nested too deep',
    hint: 'HTML elements may nest at most 512 levels, as in browsers: flatten the structure at the place shown.',
  },
  'markdown-html-swallow': {
    title: 'Raw HTML would hide the text after it',
    hint: 'Write the element name as code (`<form>`), close the element, or remove the raw HTML at the place shown.',
  },
  'markdown-html-unclosed': {
    title: 'Raw HTML left open at the end of its paragraph',
    hint: 'Close the element in the same paragraph (`<b>…</b>`), or use Markdown (`**…**`); it was closed at the end of its paragraph, so that it does not run on into the rest of the article.',
  },
  'markdown-brackets': {
    title: 'A paragraph holds too many closing brackets',
    hint: 'Split the paragraph or write the brackets as code: a paragraph may hold at most 5,000 `]`.',
  },
  'embed-unknown': {
    title: 'An embed component has an unknown name',
    hint: 'Use one of the components the README lists (youtube, vimeo, x, instagram, datawrapper, flourish, audio, gallery, related).',
  },
  'embed-invalid': {
    title: 'An embed component is written wrong',
    hint: 'Write it as the README shows, such as ::youtube[Title]{id="dQw4w9WgXcQ"}; quote values that hold spaces or symbols.',
  },
  'live-update': {
    title: 'A live blog update cannot be shown',
    hint: 'Write :::update{time="2026-12-07 10:46"} at the top level of a live blog\'s body (`live: true`), with a time read like `date`.',
  },
  'live-update-early': {
    title: 'A live blog update is dated before its article',
    hint: "Check the update's `time` and the article's `date`: coverage starts at `date`.",
  },
  'live-update-future': {
    title: 'A live blog update is dated after the build',
    hint: "Check the update's `time` (its day, and its offset): readers would see an update from the future.",
  },
  'related-unknown-slug': {
    title: 'A ::related link names no published article',
    hint: 'Use the slug of a published article: its file name without .md, or its `slug:` field.',
  },
} satisfies Record<string, { readonly title: string; readonly hint: string }>;
