import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { replaceXmlForbidden } from '../text/replace-xml-forbidden.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The largest content file read, 5 MiB. Articles are kilobytes; the Markdown
 * stages need about 60 times a file's size in memory and half a second per
 * megabyte, so a 50 MB file took 29 s and 2.5 GB before failing or not.
 */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/**
 * Decodes a content file as UTF-8 text, or explains why it is not text.
 * A byte-order mark is dropped. NUL bytes mean a binary file; a file over
 * {@link MAX_SOURCE_BYTES} is refused before anything else is done with it.
 * Characters XML forbids are replaced with spaces, each with a warning (see
 * `replaceXmlForbidden`): every later stage, and every feed, sees clean text.
 */
export function decodeSource(
  bytes: Uint8Array,
  file: string,
): { ok: true; text: string; warnings: Diagnostic[] } | { ok: false; diagnostic: Diagnostic } {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    const size = (bytes.byteLength / (1024 * 1024)).toFixed(1);
    return {
      ok: false,
      diagnostic: createDiagnostic({
        file,
        reason: `Unexpected file of ${size} MB, expected a content file of at most 5 MB`,
        ruleId: 'file-too-large',
        hint: 'Split the article, or move large data out of the content folder (into static/, say).',
      }),
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return notText(file, 'Unexpected bytes that are not UTF-8, expected UTF-8 text');
  }
  if (text.includes('\u0000'))
    return notText(file, 'Unexpected NUL byte, expected a UTF-8 text file (is this a binary file?)');
  return { ok: true, ...replaceXmlForbidden(text.startsWith('\uFEFF') ? text.slice(1) : text, file) };
}

function notText(file: string, reason: string): { ok: false; diagnostic: Diagnostic } {
  return {
    ok: false,
    diagnostic: createDiagnostic({
      file,
      reason,
      ruleId: 'file-encoding',
      hint: 'Save the file as UTF-8, or move files that are not articles out of the content folder.',
    }),
  };
}
