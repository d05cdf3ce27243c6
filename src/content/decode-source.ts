import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a content file as UTF-8 text, or explains why it is not text.
 * A byte-order mark is dropped. NUL bytes mean a binary file.
 */
export function decodeSource(
  bytes: Uint8Array,
  file: string,
): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return notText(file, 'Unexpected bytes that are not UTF-8, expected UTF-8 text');
  }
  if (text.includes('\u0000'))
    return notText(file, 'Unexpected NUL byte, expected a UTF-8 text file (is this a binary file?)');
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
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
