import { NewsgenError } from '../diagnostics/newsgen-error.js';

/** Where an output file comes from, for messages about clashes. */
export interface OutputSource {
  readonly kind: 'generated' | 'static';
  /** How to name it in a message, e.g. `static/robots.txt` or `ekonomi/x/index.html`. */
  readonly label: string;
  /** Absolute source file, when there is one (static files). */
  readonly file?: string;
}

/** Records which output paths are taken, so no two files can write the same place. */
export interface OutputClaims {
  /**
   * Takes `relPath` for `source`, or throws `NewsgenError`: `duplicate-output` when two
   * generated files clash, `output-collision` when a static file and a generated file do.
   * A file whose path is a folder of another file's path (`a` and `a/index.html`) clashes too.
   */
  claim(relPath: string, source: OutputSource): void;
}

/** A fresh, empty set of claims for one write. */
export function createOutputClaims(): OutputClaims {
  const files = new Map<string, OutputSource>();
  // Folder path → the first file that needs it, so a file cannot take a folder's name.
  const folders = new Map<string, OutputSource>();
  return {
    claim(relPath, source) {
      const taken = files.get(relPath) ?? folders.get(relPath);
      if (taken) throw createClashError(relPath, taken, source);
      const folderPaths = listFolders(relPath);
      for (const folder of folderPaths) {
        const holder = files.get(folder);
        if (holder) throw createClashError(folder, holder, source);
      }
      files.set(relPath, source);
      for (const folder of folderPaths) if (!folders.has(folder)) folders.set(folder, source);
    },
  };
}

/** `a/b/c.html` → `['a', 'a/b']`. */
function listFolders(relPath: string): string[] {
  const segments = relPath.split('/');
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'));
}

function createClashError(relPath: string, first: OutputSource, second: OutputSource): NewsgenError {
  const staticSource = [first, second].find((source) => source.kind === 'static');
  const both = `${describe(first)} and ${describe(second)}`;
  if (staticSource) {
    return new NewsgenError(`Output collision at ${relPath}: ${both} both need that path.`, {
      code: 'output-collision',
      file: staticSource.file,
      hint: 'Rename or remove the static file, or change the URL of the generated page.',
    });
  }
  return new NewsgenError(`Duplicate output at ${relPath}: ${both} both need that path.`, {
    code: 'duplicate-output',
    hint: 'Two pages ended up with the same URL; give one of them another slug or permalink.',
  });
}

function describe(source: OutputSource): string {
  return source.kind === 'static' ? `the static file ${source.label}` : `the generated file ${source.label}`;
}
