import { validateXML } from 'xmllint-wasm';

/** Parses `xml` with xmllint: undefined when it is well-formed, xmllint's complaint when it is not. */
export async function findXmlError(fileName: string, xml: string): Promise<string | undefined> {
  const result = await validateXML({ xml: [{ fileName, contents: xml }], normalization: 'format' });
  return result.valid ? undefined : result.rawOutput || 'not well-formed';
}
