import { SaxesParser } from 'saxes';
import { NewsgenError } from '../diagnostics/newsgen-error.js';

/** An XML element as the importer reads it: its name as written (`wp:post_id`), attributes, child elements and its own text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The text and CDATA directly inside the element, joined. */
  readonly text: string;
}

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses an XML document into a tree of elements. Throws an `import-xml`
 * error at the line and column of the first thing that is not well-formed
 * (`file` names it), the way a content file's YAML error is placed.
 */
export function parseXml(text: string, file: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: OpenElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  let failure: NewsgenError | undefined;
  parser.on('error', (error) => {
    // saxes reports on after its first error; the first is the one that explains the others.
    failure ??= new NewsgenError(`Unexpected XML in ${file}: ${error.message.replace(/^\d+:\d+: /, '')}`, {
      code: 'import-xml',
      file,
      place: { line: parser.line, column: Math.max(parser.column, 1) },
    });
  });
  parser.on('opentag', (tag) => {
    stack.push({
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
    });
  });
  const addText = (value: string): void => {
    const top = stack.at(-1);
    if (top) top.text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const done = stack.pop();
    if (done && stack.length > 0) stack.at(-1)?.children.push(done);
  });
  parser.write(text).close();
  if (failure) throw failure;
  const root = stack[0]?.children[0];
  if (!root)
    throw new NewsgenError(`Unexpected empty file ${file}, expected a WordPress export`, { code: 'import-xml', file });
  return root;
}

/** The first child element named `name`. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The text of the first child element named `name`, trimmed; empty when there is none. */
export function textOf(element: XmlElement, name: string): string {
  return childOf(element, name)?.text.trim() ?? '';
}
