/** An excerpt's or caption's HTML as one line of text. */
export function toPlainText(html: string): string {
  return html
    .replace(/<\/?(?:p|br|div|li|h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
