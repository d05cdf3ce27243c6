import { describe, expect, it } from 'vitest';
import { classifyPath, createChangeCollector, type WatchDirs } from '../../src/watch/collect-changes.js';

const DIRS: WatchDirs = {
  content: '/s/content',
  templates: '/s/templates',
  static: '/s/static',
  config: '/s/newsgen.config.json',
  out: '/s/content/dist',
};

describe('classifyPath', () => {
  it('names the input a path belongs to, and none for the output folder', () => {
    expect(classifyPath('/s/content/ekonomi/a.md', DIRS)).toBe('content');
    expect(classifyPath('/s/templates/layout.hbs', DIRS)).toBe('templates');
    expect(classifyPath('/s/static/logo.png', DIRS)).toBe('static');
    expect(classifyPath('/s/newsgen.config.json', DIRS)).toBe('config');
    expect(classifyPath('/s/content/dist/index.html', DIRS)).toBeUndefined();
    expect(classifyPath('/s/contents/a.md', DIRS)).toBeUndefined();
  });
});

describe('createChangeCollector', () => {
  it('keeps the last state of each content file, so an atomic save is one change', () => {
    const collector = createChangeCollector(() => DIRS);
    collector.record('unlink', '/s/content/a.md');
    collector.record('add', '/s/content/a.md');
    collector.record('change', '/s/content/b.md');
    collector.record('unlink', '/s/content/c.md');
    expect(collector.take()).toEqual({
      changed: ['/s/content/a.md', '/s/content/b.md'],
      removed: ['/s/content/c.md'],
      templates: false,
      static: false,
      config: false,
      rescan: true,
    });
    expect(collector.take()).toBeUndefined();
  });

  it('trusts the events of a single saved or removed file, and asks for a listing after a burst (issue 25)', () => {
    const collector = createChangeCollector(() => DIRS);
    collector.record('unlink', '/s/content/a.md');
    collector.record('add', '/s/content/a.md');
    expect(collector.take()).toMatchObject({ changed: ['/s/content/a.md'], rescan: false });
    collector.record('change', '/s/content/a.md');
    collector.record('change', '/s/content/b.md');
    expect(collector.take()).toMatchObject({ rescan: true });
    collector.record('unlink', '/s/content/a.md');
    expect(collector.take()).toMatchObject({ removed: ['/s/content/a.md'], rescan: false });
    collector.requestRescan();
    expect(collector.take()).toMatchObject({ changed: [], removed: [], rescan: true });
  });

  it('leaves a content file that became a symlink or special file to the listing, through a rescan (issue 25)', () => {
    const collector = createChangeCollector(() => DIRS);
    collector.record('change', '/s/content/a.md');
    collector.record('add', '/s/content/a.md', false);
    expect(collector.take()).toMatchObject({ changed: [], rescan: true });
  });

  it('counts the authors data file as content', () => {
    const collector = createChangeCollector(() => DIRS);
    expect(collector.record('change', '/s/content/authors.yml')).toBe(true);
    expect(collector.take()).toMatchObject({ changed: ['/s/content/authors.yml'] });
  });

  it('lists the content again when a page bundle photo is added, changed or removed, but not for other files beside articles', () => {
    for (const event of ['add', 'change', 'unlink'] as const) {
      const collector = createChangeCollector(() => DIRS);
      expect(collector.record('change', '/s/content/nasional/banjir/catatan.txt')).toBe(false);
      expect(collector.take()).toBeUndefined();
      expect(collector.record(event, '/s/content/nasional/banjir/foto-1.JPG')).toBe(true);
      expect(collector.take()).toMatchObject({ changed: [], removed: [], rescan: true });
    }
  });

  it('sees a rename as the old path removed and the new one added', () => {
    const collector = createChangeCollector(() => DIRS);
    collector.record('unlink', '/s/content/lama.md');
    collector.record('add', '/s/content/baru.md');
    expect(collector.take()).toMatchObject({ changed: ['/s/content/baru.md'], removed: ['/s/content/lama.md'] });
  });

  it('flags templates, static files, the config and content folders, and skips what the build does not read', () => {
    const collector = createChangeCollector(() => DIRS);
    expect(collector.record('change', '/s/content/notes.txt')).toBe(false);
    // The listing skips dot files and dot folders: so do the events, now that the watcher reports them.
    expect(collector.record('add', '/s/content/.draf.md')).toBe(false);
    expect(collector.record('change', '/s/content/.arsip/ekonomi/a.md')).toBe(false);
    expect(collector.record('change', '/s/content/dist/index.html')).toBe(false);
    collector.record('change', '/s/templates/partials/card.hbs');
    collector.record('add', '/s/static/logo.png');
    collector.record('change', '/s/newsgen.config.json');
    collector.record('unlinkDir', '/s/content/ekonomi');
    expect(collector.take()).toEqual({
      changed: [],
      removed: [],
      templates: true,
      static: true,
      config: true,
      rescan: true,
    });
  });
});
