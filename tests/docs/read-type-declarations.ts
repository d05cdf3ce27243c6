import { parse } from '@babel/parser';

/** One field of an interface or object type, as written in the source. */
export interface FieldDeclaration {
  readonly name: string;
  /** The type as written, without `readonly` markers. */
  readonly type: string;
  readonly optional: boolean;
  /** The doc comment's text, on one line. */
  readonly doc: string;
}

/** An exported interface or type alias of a TypeScript module. */
export interface TypeDeclaration {
  readonly name: string;
  readonly doc: string;
  /** Interfaces this one extends, by name. */
  readonly extends: readonly string[];
  /** Fields of an interface (or of an alias of one object type). */
  readonly fields: readonly FieldDeclaration[];
  /** For an alias of a union: each member as written (its fields when it is an object type). */
  readonly union: readonly (string | readonly FieldDeclaration[])[];
}

interface Node {
  readonly type: string;
  readonly start?: number | null;
  readonly end?: number | null;
  readonly leadingComments?: readonly { readonly value: string }[] | null;
  readonly [key: string]: unknown;
}

/**
 * Reads the interfaces and type aliases of a TypeScript source with their doc
 * comments, using Babel's parser (a real TypeScript grammar, comments kept).
 */
export function readTypeDeclarations(source: string): TypeDeclaration[] {
  const file = parse(source, { sourceType: 'module', plugins: ['typescript'] });
  const text = (node: Node): string => source.slice(node.start ?? 0, node.end ?? 0);
  const declarations: TypeDeclaration[] = [];
  for (const statement of file.program.body as unknown as Node[]) {
    const declaration = (statement.type === 'ExportNamedDeclaration' ? statement['declaration'] : statement) as
      | Node
      | undefined;
    if (!declaration) continue;
    const doc = readDoc(statement);
    if (declaration.type === 'TSInterfaceDeclaration') {
      const body = declaration['body'] as Node;
      const heritage = (declaration['extends'] as Node[] | undefined) ?? [];
      declarations.push({
        name: (declaration['id'] as Node)['name'] as string,
        doc,
        extends: heritage.map((node) => text(node)),
        fields: readFields(body['body'] as Node[], text),
        union: [],
      });
    } else if (declaration.type === 'TSTypeAliasDeclaration') {
      const annotation = declaration['typeAnnotation'] as Node;
      const members = annotation.type === 'TSUnionType' ? (annotation['types'] as Node[]) : [annotation];
      declarations.push({
        name: (declaration['id'] as Node)['name'] as string,
        doc,
        extends: [],
        fields: annotation.type === 'TSTypeLiteral' ? readFields(annotation['members'] as Node[], text) : [],
        union:
          annotation.type === 'TSUnionType'
            ? members.map((member) =>
                member.type === 'TSTypeLiteral' ? readFields(member['members'] as Node[], text) : text(member),
              )
            : [],
      });
    }
  }
  return declarations;
}

function readFields(members: readonly Node[], text: (node: Node) => string): FieldDeclaration[] {
  return members
    .filter((member) => member.type === 'TSPropertySignature')
    .map((member) => {
      const annotation = (member['typeAnnotation'] as Node | undefined)?.['typeAnnotation'] as Node | undefined;
      return {
        name: ((member['key'] as Node)['name'] ?? (member['key'] as Node)['value']) as string,
        type: annotation ? cleanType(text(annotation)) : 'unknown',
        optional: member['optional'] === true,
        doc: readDoc(member),
      };
    });
}

/** `readonly` says nothing to a template author, and line breaks do not fit a table. */
function cleanType(type: string): string {
  return type
    .replace(/\breadonly\s+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/;\s*}/g, ' }')
    .trim();
}

function readDoc(node: Node): string {
  const comment = [...(node.leadingComments ?? [])].reverse().find((c) => c.value.startsWith('*'));
  if (!comment) return '';
  return comment.value
    .split('\n')
    .map((line) => line.replace(/^\s*\*+\s?/, '').trim())
    .filter((line) => line !== '' && line !== '/')
    .join(' ')
    .replace(/\{@link\s+([^}]+)\}/g, '`$1`')
    .trim();
}

/** The text of the doc comment that opens a module (before its first declaration's own), on one line. */
export function readFileComment(source: string): string {
  const file = parse(source, { sourceType: 'module', plugins: ['typescript'] });
  const first = file.comments?.[0];
  const statement = file.program.body[0];
  if (first?.type !== 'CommentBlock' || !statement) return '';
  const docs = (statement.leadingComments ?? []).filter((comment) => comment.type === 'CommentBlock');
  if (docs.length < 2 || docs[0] !== first) return '';
  return readDoc({ type: 'Comment', leadingComments: [first] });
}
