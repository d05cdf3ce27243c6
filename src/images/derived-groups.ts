import { DERIVED_DIR } from './plan-picture.js';

/**
 * The derived files a build publishes, grouped by photo: `<stem> <source
 * hash>` → `key name key name …` (each file's key and its name below
 * `/_images/`, as the store remembers a plan; a photo used in several ways
 * lists each way's files, some of them twice).
 *
 * A site with a photo per article publishes a dozen derived files per photo.
 * Kept, compared and saved as one string per photo, a publish that changes
 * one photo does not look at the other 130,000 files of a 10,000-photo
 * archive one by one. Groups never share a file: a file's name is its
 * source's stem and holds its key, which hashes the source's bytes.
 */
export type DerivedGroups = ReadonlyMap<string, string>;

/** A derived file: its output path (`_images/a-640.1f2e3d4c5b.avif`) and its key in the store. */
export interface DerivedFile {
  readonly path: string;
  readonly key: string;
}

/** What changed between two builds' derived files. */
export interface DerivedChanges {
  /** Files to publish: in a new group, or new to a changed one (another key under a name counts as new). */
  readonly fresh: readonly DerivedFile[];
  /** Output paths of files a group of the last build listed and no group lists now. */
  readonly gone: readonly string[];
}

/** A group's files by output path (a file listed twice is one file). */
export function filesOfGroup(files: string): Map<string, string> {
  const byPath = new Map<string, string>();
  if (files === '') return byPath;
  const parts = files.split(' ');
  for (let index = 0; index + 1 < parts.length; index += 2)
    byPath.set(`${DERIVED_DIR}/${parts[index + 1] as string}`, parts[index] as string);
  return byPath;
}

/** Every derived file of `groups`, each once, group by group. */
export function listDerivedFiles(groups: DerivedGroups): DerivedFile[] {
  const files: DerivedFile[] = [];
  for (const group of groups.values()) for (const [path, key] of filesOfGroup(group)) files.push({ path, key });
  return files;
}

/**
 * The derived files of `now` against the last build's (`last`): a group
 * with the same string is skipped whole, and only the files of changed,
 * new and dropped groups are looked at. Pure.
 */
export function diffDerivedGroups(now: DerivedGroups, last: DerivedGroups): DerivedChanges {
  const fresh: DerivedFile[] = [];
  const gone: string[] = [];
  for (const [source, files] of now) {
    const before = last.get(source);
    if (before === files) continue;
    const lastFiles = before === undefined ? new Map<string, string>() : filesOfGroup(before);
    const nowFiles = filesOfGroup(files);
    for (const [path, key] of nowFiles) if (lastFiles.get(path) !== key) fresh.push({ path, key });
    for (const path of lastFiles.keys()) if (!nowFiles.has(path)) gone.push(path);
  }
  for (const [source, files] of last)
    if (!now.has(source)) for (const path of filesOfGroup(files).keys()) gone.push(path);
  return { fresh, gone };
}
