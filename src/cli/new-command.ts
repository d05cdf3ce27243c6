import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { parseDate } from '../i18n/parse-date.js';
import { type CliIo, loadSiteConfig, refuseOptionLike, useColor } from './build-options.js';
import { formatHelpFooter } from './help-text.js';

interface NewFlags {
  section?: string;
  author?: string;
  kind?: string;
  live?: boolean;
  page?: boolean;
  date?: string;
  config?: string;
  content?: string;
}

/** Registers `newsgen new <title>`: writes a new article with its front matter filled in and prints its path. */
export function registerNewCommand(program: Command, io: CliIo): void {
  program
    .command('new')
    .description('create an article dated now in content/<section>/<slug>.md (or a page) and print its path')
    .argument('<title>', 'headline of the article (the file name is made from it)')
    .option(
      '-s, --section <section>',
      'section of the article (default: the first section in the config)',
      refuseOptionLike,
    )
    .option('-a, --author <name>', 'author of the article', refuseOptionLike)
    .option('-k, --kind <kind>', 'opinion, analysis, review, background or sponsored (default: news)', refuseOptionLike)
    .option('--live', 'a live blog: live: true, and a first update dated now')
    .option(
      '-d, --date <when>',
      "date as front matter writes it (2026-12-09 06:00 in the site's time zone, or with an offset); a later one schedules the article (default: now)",
      refuseOptionLike,
    )
    .option('--page', 'create a standalone page (About, Contact) in content/pages/<slug>.md instead of an article')
    .option('-c, --config <file>', 'config file (default: newsgen.config.{json,yaml,yml,js,mjs,ts})', refuseOptionLike)
    .option('--content <dir>', 'content folder (default: content)', refuseOptionLike)
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen new "Harga Cabai Turun" --section ekonomi', 'writes content/ekonomi/harga-cabai-turun.md'],
          ['$EDITOR "$(newsgen new "Banjir di Kota" --author "Rani")"', 'open the new file in your editor'],
          [
            'newsgen new "Cabai Butuh Gudang Dingin" --section opini --kind opinion',
            'an opinion column, labelled "Opini"',
          ],
          ['newsgen new "Banjir Citarum" --section nasional --live', 'a live blog with its first update'],
          [
            'newsgen new "Laporan Inflasi November" --section ekonomi --date "2026-12-01 06:00"',
            'an embargoed story: published by the first build after 06:00 on 1 December',
          ],
          [
            'newsgen new "Pedoman Media Siber" --page',
            'writes content/pages/pedoman-media-siber.md (at /pedoman-media-siber/)',
          ],
        ],
        [
          ['0', 'the file was written; its path is on stdout'],
          [
            '1',
            'the config is invalid, this is not a site (no config, no content folder), or the file could not be written',
          ],
          ['2', 'usage error, or the file exists already (it is never overwritten)'],
        ],
      ),
    )
    .action((title: string, flags: NewFlags) => runNew(title, flags, io));
}

async function runNew(title: string, flags: NewFlags, io: CliIo): Promise<void> {
  if (
    flags.page &&
    (flags.section !== undefined ||
      flags.author !== undefined ||
      flags.kind !== undefined ||
      flags.live ||
      flags.date !== undefined)
  )
    throw new NewsgenError(
      'Unexpected --section, --author, --kind, --live or --date with --page: pages have none of them',
      { code: 'usage', exitCode: 2 },
    );
  const config = await loadSiteConfig(flags, io);
  const date = flags.date === undefined ? undefined : readDateFlag(flags.date, config.timeZone);
  const { findNewSectionSlip, planNewArticle, planNewPage } = await import('../scaffold/plan-new-article.js');
  // The sections the site has before this file: configured, or a folder of the content.
  const sections = [...config.sections.map((section) => section.slug), ...(await listFolders(config.contentDir))];
  const article = flags.page
    ? planNewPage({ title, locale: config.locale, sections })
    : planNewArticle({
        title,
        section: flags.section,
        author: flags.author,
        kind: flags.kind,
        live: flags.live,
        sections: config.sections,
        locale: config.locale,
        timeZone: config.timeZone,
        now: config.now,
        ...(date === undefined ? {} : { date }),
      });
  const file = path.join(config.contentDir, ...article.path.split('/'));
  const shown = path.relative(io.cwd, file);
  const slip = flags.page ? undefined : findNewSectionSlip(article, sections, shown);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, article.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new NewsgenError(`Could not write ${shown}: ${(error as Error).message}`, {
        code: 'new-write',
        file: shown,
        cause: error,
      });
    throw new NewsgenError(`Refusing to overwrite ${shown}: the file exists already`, {
      code: 'new-exists',
      file: shown,
      exitCode: 2,
      hint: 'Choose another title, or edit the existing file.',
    });
  }
  io.stdout.write(`${shown}\n`);
  if (slip) io.stderr.write(`${formatDiagnostics([slip], { color: useColor(io) })}\n`);
}

/** The folders of the content folder: every one but `authors` and `pages` is a section, configured or not. */
async function listFolders(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && entry.name !== 'authors' && entry.name !== 'pages')
    .map((entry) => entry.name);
}

/** `--date` as front matter reads it, in the site's time zone (ms since the epoch); a usage error naming the forms. */
function readDateFlag(value: string, timeZone: string): number {
  const parsed = parseDate(value, timeZone);
  if (!parsed.ok)
    throw new NewsgenError(`Unexpected --date: ${parsed.reason}`, {
      code: 'usage',
      exitCode: 2,
      hint: `A time without an offset is wall time in the site's time zone (${timeZone}).`,
    });
  return parsed.instant.time;
}
