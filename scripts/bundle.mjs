#!/usr/bin/env node
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
// Bundles the CLI, the worker entries it starts and the library API from
// tsc's output in lib/ into lib/bundle/, the one form of the code the package
// publishes (with tsc's declarations for types). A build then loads a few
// dozen files instead of several hundred small modules, which is most of the
// start-up time of a small rebuild. Stages still load lazily: every dynamic
// import() becomes its own chunk. Whitespace is removed and syntax shortened
// to keep the package small, and dependencies' local names are shortened
// too; newsgen's own names are kept, so a stack trace still says which of
// its functions failed.
//
// Of tsc's declarations, the package keeps those the public API reaches from
// lib/index.d.ts (the types a site's build script or a plugin sees); the
// others describe internals no one can import from the package.
//
// lib/bundle/ sits at the same depth as lib/<folder>/, so paths the code
// finds from its own location (the built-in theme, worker entries beside
// it) resolve the same from either.
import { build, transformSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
const outdir = path.join(lib, 'bundle');
/**
 * Bundle entry → tsc output: the CLI, the worker files it starts by name
 * (`./process-worker.js` beside it), and the library API (`import … from 'newsgen'`).
 */
const ENTRIES = {
  main: 'cli/main.js',
  index: 'index.js',
  'process-worker': 'process/process-worker.js',
  'render-worker': 'plan/render-worker.js',
  'write-worker': 'output/write-worker.js',
  'watch-worker': 'watch/watch-worker.js',
  'stat-worker': 'incremental/stat-worker.js',
  'static-worker': 'output/static-worker.js',
  'static-read-worker': 'images/static-read-worker.js',
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(lib, file)])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  // Text as UTF-8 rather than \u escapes (lone surrogates stay escaped): the entity tables, Unicode
  // classes and typographic strings of the code and its dependencies took about 24 KB more as escapes.
  charset: 'utf8',
  // Piscina starts its own worker script from its own folder, jiti (for
  // newsgen.config.ts) loads its own transpiler lazily, sharp finds its native
  // binding (@img/sharp-<platform>) from its own folder, and esbuild (which
  // minifies the theme's assets) runs its own binary: all stay packages.
  // import-meta-resolve (plugins named by module in a config) is loaded only by
  // sites that use it, and stays a package rather than weigh on every install.
  // js-yaml ships as one ES module file, loaded once by the stage that reads
  // front matter: as a package it adds no startup module and no bytes here.
  // string-width (terminal columns of a non-ASCII file name) brings Unicode's emoji and East Asian width
  // tables, kept as a package rather than in every install's bytes here.
  // @clack/prompts (with @clack/core, about 65 KB) asks init's questions at a terminal: only `init` loads
  // it, so it stays a package, as import-meta-resolve does.
  // saxes, rehype-remark and remark-stringify read a WordPress export and turn its HTML into Markdown:
  // only `newsgen import` loads them, so they stay packages rather than bytes every install carries here.
  // exif-reader (about 17 KB of CommonJS with its tag tables) is loaded only to read a photo's EXIF, with sharp:
  // a package like sharp, not bytes here.
  external: [
    'piscina',
    'jiti',
    'sharp',
    'esbuild',
    'import-meta-resolve',
    'js-yaml',
    'string-width',
    '@clack/prompts',
    'exif-reader',
    'saxes',
    'rehype-remark',
    'remark-stringify',
  ],
  // jsonc-parser's main entry is UMD with a require() that esbuild cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  plugins: [withoutUnusedStartupModules()],
  logLevel: 'warning',
});
addRequire();

await writeBuiltinTemplates();

// The bundle's id, a hash of every file in it: part of the build cache's key (CODE_VERSION), so results
// cached by other code are never read back, whatever the version number says.
const hash = createHash('sha1');
for (const name of readdirSync(outdir).sort()) hash.update(name).update(readFileSync(path.join(outdir, name)));
writeFileSync(path.join(outdir, 'build-id'), `${hash.digest('hex').slice(0, 16)}\n`);

pruneDeclarations(path.join(lib, 'index.d.ts'));

/**
 * Two dependencies load, when first imported, Node modules for features a
 * build never uses, and a build that finds nothing changed pays for them
 * (about 0.2 s in all, of which these are 18 ms):
 * - fdir (which lists the content and static folders) requires picomatch in
 *   case a caller globs: newsgen never does, and starting the CommonJS loader
 *   for it cost about 11 ms. The bundle's fdir goes without it (globbing would
 *   ask for a glob function).
 * - commander requires node:child_process (with net and dgram, about 6.5 ms)
 *   for subcommands that are programs of their own: newsgen has none, and the
 *   bundle's commander requires it when it would spawn one.
 * The bundle fails when a dependency's code no longer reads as expected,
 * rather than keep the cost silently.
 */
function withoutUnusedStartupModules() {
  const patches = [
    {
      file: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/,
      from: /try\s*\{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/,
      to: '/* newsgen: no globs, no picomatch */',
    },
    {
      file: /[\\/]commander[\\/]lib[\\/]command\.js$/,
      from: /const childProcess = require\('node:child_process'\);/,
      to: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      // Every other use would find the stand-in without it.
      only: /childProcess\.(?!spawn\()/,
    },
    {
      // Templates are compiled without source maps: Handlebars then builds its code as plain strings, its
      // own fallback, and the source-map library (40 KB) stays out of the bundle.
      file: /[\\/]handlebars[\\/]dist[\\/]cjs[\\/]handlebars[\\/]compiler[\\/]code-gen\.js$/,
      from: /var SourceMap = require\('source-map'\);\s*SourceNode = SourceMap\.SourceNode;/,
      to: '/* newsgen: no source maps of templates */',
    },
  ];
  return {
    name: 'without-unused-startup-modules',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, (args) => {
        let code = readFileSync(args.path, 'utf8');
        const patch = patches.find((candidate) => candidate.file.test(args.path));
        if (patch) {
          if (!patch.from.test(code) || patch.only?.test(code))
            throw new Error(`${args.path} no longer reads as scripts/bundle.mjs expects: look at its patch`);
          code = code.replace(patch.from, patch.to);
        }
        return { contents: shortenLocalNames(code), loader: 'js' };
      });
    },
  };
}

/**
 * A dependency's code with the names of its local variables and inner
 * functions shortened (esbuild's identifier minifier, one module at a time):
 * about a quarter of the bundle's bytes. newsgen's own code keeps every name,
 * so a stack trace through it still says which function failed; a module's
 * top-level names, and so its exports, are left as they are.
 */
function shortenLocalNames(code) {
  return transformSync(code, { loader: 'js', minifyIdentifiers: true }).code;
}

/**
 * CommonJS dependencies (Handlebars) call require(), which ES modules do not
 * have: the files that name it get one, made for their own location. Only
 * those: the others (most chunks) would carry the two lines for nothing.
 */
function addRequire() {
  const banner =
    "import { createRequire as __newsgenCreateRequire } from 'node:module';\nconst require = __newsgenCreateRequire(import.meta.url);\n";
  for (const name of readdirSync(outdir).filter((file) => file.endsWith('.js'))) {
    const file = path.join(outdir, name);
    const code = readFileSync(file, 'utf8');
    if (/\brequire\b/.test(code)) writeFileSync(file, banner + code);
  }
}

/**
 * Compiles the built-in theme's templates (templates/) once, as every build
 * would, and keeps the generated code beside the bundle: a build of a site
 * without template overrides and without a cache reuses it instead of parsing
 * and checking each template again (src/render/builtin-templates.ts).
 */
async function writeBuiltinTemplates() {
  const load = (file) => import(pathToFileURL(path.join(lib, file)).href);
  const [{ readThemeFiles }, { compileRenderer }, { BUILTIN_TEMPLATES_FILE, templatesKey }, { resolveStrings }] =
    await Promise.all([
      load('render/read-theme-files.js'),
      load('render/create-renderer.js'),
      load('render/builtin-templates.js'),
      load('i18n/strings.js'),
    ]);
  const themeDir = path.join(root, 'templates');
  const files = await readThemeFiles(themeDir, undefined, undefined, []);
  const renderer = compileRenderer(files, { themeDir, templatesDir: undefined, strings: resolveStrings('id-ID', {}) });
  const contents = { key: templatesKey(files.templates), precompiled: renderer.precompiled };
  writeFileSync(path.join(outdir, BUILTIN_TEMPLATES_FILE), gzipSync(JSON.stringify(contents), { level: 9 }));
}

/** Deletes every declaration file in lib/ that `entry` does not reach through relative imports. */
function pruneDeclarations(entry) {
  const reached = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport\(?)\s*["'](\.{1,2}\/[^"']+)\.js["']/g))
      pending.push(path.resolve(path.dirname(file), `${specifier}.d.ts`));
  }
  for (const file of readdirSync(lib, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(lib, file);
    if (full.endsWith('.d.ts') && !reached.has(full)) rmSync(full);
  }
}
