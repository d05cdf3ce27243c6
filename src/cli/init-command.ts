import path from 'node:path';
import { type Command, Option } from 'commander';
import { checkTimeZone } from '../i18n/resolve-locale.js';
import { VERSION } from '../pipeline/version.js';
import type { ConfigFormat, StarterSettings } from '../scaffold/starter-settings.js';
import type { CliIo } from './build-options.js';
import { formatHelpFooter } from './help-text.js';

interface InitFlags {
  title?: string;
  baseUrl?: string;
  locale?: string;
  timeZone?: string;
  format: ConfigFormat;
  force?: boolean;
  yes?: boolean;
}

/** Registers `newsgen init [dir]`: writes a new site with sample content, ready to build and deploy. */
export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('create a new site: config, sample articles, an author, package.json and a deploy workflow')
    .argument('[dir]', 'folder of the new site (created when missing)', '.')
    .option('--title <name>', 'name of the site')
    .option('--base-url <url>', 'absolute URL the site will be published at')
    .option('--locale <locale>', 'language and region of dates and texts, e.g. id-ID or en')
    .option('--time-zone <zone>', 'IANA time zone of article dates, e.g. Asia/Jakarta')
    .addOption(new Option('--format <format>', 'config file format').choices(['yaml', 'json']).default('yaml'))
    .option('--force', 'add the missing files to a folder that is not empty (existing files are kept)')
    .option('-y, --yes', 'ask nothing, even in a terminal: the defaults for every setting no flag gives')
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen init warta', 'asks for the settings in a terminal, or uses defaults without one'],
          [
            'newsgen init warta --title "Warta Kita" --locale id-ID --time-zone Asia/Jakarta',
            'Indonesian sample content',
          ],
          ['newsgen init . --force --format json', 'add the missing starter files here, config as JSON'],
          ['newsgen init warta --yes --locale en', 'no questions: defaults, in English'],
        ],
        [
          ['0', 'the site was created'],
          ['1', 'a file could not be written, or the questions were cancelled'],
          ['2', 'usage error: unknown option, invalid setting, or a folder that is not empty (without --force)'],
        ],
      ),
    )
    .action((dir: string, flags: InitFlags) => runInit(dir, flags, io));
}

async function runInit(dir: string, flags: InitFlags, io: CliIo): Promise<void> {
  // The scaffold is loaded by `init` alone: every other command starts without it.
  const [{ askStarterSettings }, { planStarterSite }, { readStarterContent }, starter, written] = await Promise.all([
    import('../scaffold/ask-starter-settings.js'),
    import('../scaffold/plan-starter-site.js'),
    import('../scaffold/read-starter-content.js'),
    import('../scaffold/starter-settings.js'),
    import('../scaffold/write-starter-site.js'),
  ]);
  const { defaultStarterSettings, finishStarterSettings } = starter;
  const { checkStarterFolder, writeStarterSite } = written;
  const target = path.resolve(io.cwd, dir);
  // Relative when the folder is here or below, else as it is: `cd ../../tmp/warta` reads worse than `/tmp/warta`.
  const relative = path.relative(io.cwd, target);
  const shown = relative === '' ? '.' : relative.split(path.sep)[0] === '..' ? target : relative;
  await checkStarterFolder(target, shown, flags.force === true);
  const given: Partial<StarterSettings> = Object.fromEntries(
    Object.entries({
      title: flags.title,
      baseUrl: flags.baseUrl,
      locale: flags.locale,
      timeZone: flags.timeZone,
    }).filter(([, value]) => value !== undefined),
  );
  const defaults = defaultStarterSettings(target);
  // --yes makes a terminal run what a script's run is: the same files, whoever starts it.
  const interactive =
    flags.yes !== true &&
    Boolean(io.stdin?.isTTY && (io.stdout as { isTTY?: boolean }).isTTY) &&
    io.env['CI'] === undefined;
  const answered =
    interactive && io.stdin
      ? await askStarterSettings({ ...defaults, timeZone: machineTimeZone(defaults.timeZone) }, given, {
          input: io.stdin,
          output: io.stdout,
        })
      : { ...defaults, ...given };
  const settings = finishStarterSettings(answered);
  const content = await readStarterContent(settings.locale);
  const files = planStarterSite({
    settings,
    format: flags.format,
    folderName: path.basename(target),
    content,
    version: VERSION,
    now: io.now(),
  });
  const result = await writeStarterSite(target, files);
  io.stdout.write(formatInitReport(shown, settings, content.sections[0]?.slug ?? 'news', result));
}

function formatInitReport(
  shown: string,
  settings: StarterSettings,
  section: string,
  result: { readonly written: readonly string[]; readonly kept: readonly string[] },
): string {
  const lines = [`Created ${settings.title} in ${shown}:`, ...result.written.map((file) => `  ${file}`)];
  if (result.kept.length > 0)
    lines.push('Kept as they were (already there):', ...result.kept.map((file) => `  ${file}`));
  const cd = shown === '.' ? [] : [`  cd ${quoteForShell(shown)}`];
  lines.push(
    '',
    'Next:',
    ...cd,
    '  npm install',
    '  npm run serve        # preview at http://127.0.0.1:4000/ with live reload',
    `  npx newsgen new "Your headline" --section ${section}`,
    '  npm run build        # the site in dist/',
    '',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A path as a shell reads it back: bare when plain, in double quotes (which
 * cmd.exe and PowerShell read too) unless it holds what a POSIX shell expands
 * there (`$`, backquote, `"`, `\`, `!`), then in single quotes.
 */
function quoteForShell(shown: string): string {
  if (/^[\w./-]+$/.test(shown)) return shown;
  if (!/[$`"\\!]/.test(shown)) return `"${shown}"`;
  return `'${shown.replaceAll("'", `'\\''`)}'`;
}

/**
 * The machine's time zone to suggest, when it is one a site may use: a
 * machine with `TZ=UTC0` or an unknown `TZ` reports none, or one the build
 * refuses, and the suggestion is then the starter's own default.
 */
export function machineTimeZone(
  fallback: string,
  zone = Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined,
): string {
  if (zone === undefined) return fallback;
  const checked = checkTimeZone(zone);
  return checked.ok ? checked.timeZone : fallback;
}
