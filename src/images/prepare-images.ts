import { existsSync } from 'node:fs';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { StaticReadsAside } from '../output/static-keys.js';
import type { DerivedGroups } from './derived-groups.js';
import type { DerivedStore } from './derived-store.js';
import type { EncodeJob } from './encode-missing.js';
import { createImageCatalog, type ImageCatalog, type ImageUse } from './image-catalog.js';
import type { ImageEncoder } from './image-encoder.js';
import type { ImageSlot, ImagesConfig } from './images-config.js';
import {
  createLocator,
  type ImageFolders,
  isRelativeImagePath,
  type LocatedImage,
  type Locator,
} from './locate-image.js';
import { warnLocations } from './location-warnings.js';
import { createStem, DERIVED_DIR, type Derivative, planDigest } from './plan-picture.js';
import { SHARE_WIDTH } from './plan-share-images.js';
import { type ImageReference, readSources } from './read-sources.js';
import type { SourceImage } from './source-image.js';

/** Content that shows images: an article (lead and body images) or an author profile (avatar). */
export interface ImageOwner {
  /** Names the owner in `SiteImages` lookups: an article's source path (the default), `avatarOwnerId(slug)` for a profile. */
  readonly id?: string;
  /** Content-relative path: relative image paths resolve beside it. */
  readonly sourcePath: string;
  /** Path for messages. */
  readonly displayPath: string;
  /** The lead image (or avatar) with its focus and the place of its `src`. */
  readonly lead: (ImageUse & { readonly place: Place | undefined }) | undefined;
  /** `lead` is an avatar: planned in the avatar slot, with no share images. */
  readonly avatar?: boolean;
  /** `lead` is the publisher's logo: read and checked only, as structured data links the original. */
  readonly logo?: boolean;
  /** Images in the body, with their places in the file. */
  readonly body: readonly { readonly src: string; readonly place: Place | undefined }[];
  /** Shown as the home page's headline: its card is planned large. */
  readonly featured?: boolean;
}

/** What the image stage gives the rest of the build. */
export interface PreparedImages {
  readonly catalog: ImageCatalog;
  /** What was read of every local image used, by absolute file path: the catalog's input (render threads rebuild it). */
  readonly sources: ReadonlyMap<string, SourceImage>;
  /** Missing, broken and oversized images (errors), small lead images and published GPS positions (warnings). */
  readonly diagnostics: readonly Diagnostic[];
  /** What to encode (nothing in CDN mode or with the pipeline off); only uses no earlier build planned and stored. */
  readonly jobs: readonly EncodeJob[];
  /** Every derived file the pages link, reused plans' and new ones', grouped by photo (see `DerivedGroups`). */
  readonly derived: DerivedGroups;
  /** Remembers this build's new plans in the store: call once their jobs are encoded and stored. */
  readonly remember: () => void;
  /** Page bundles' originals to publish: output path (`nasional/banjir/foto-1.jpg`) → absolute file. */
  readonly originals: ReadonlyMap<string, string>;
  /** How many source files were decoded (the rest came from the store). */
  readonly read: number;
}

/** What the stage needs besides the owners. */
export interface PrepareOptions {
  readonly config: ImagesConfig | false;
  readonly folders: ImageFolders;
  readonly store: DerivedStore;
  readonly encoder: () => Promise<ImageEncoder>;
  readonly href: (urlPath: string) => string;
  readonly absolute: (urlPath: string) => string;
  readonly displayPath: (file: string) => string;
  /** The static folder's `size:mtime` stamps as listed by the build (see `readSources`). */
  readonly staticStamps?: Readonly<Record<string, string>> | undefined;
  /** Its changed files, read whole and hashed on threads (see `readSources`). */
  readonly staticReads?: Pick<StaticReadsAside, 'wait'> | undefined;
}

/**
 * The image stage's first half (an I/O edge): finds every local image the
 * content uses, reads each once (or takes it from the store), reports the
 * broken ones at every place that uses them, and plans every derived file.
 * Pages can be rendered from the catalog at once; the jobs are encoded
 * afterwards, or alongside.
 */
export async function prepareImages(owners: readonly ImageOwner[], options: PrepareOptions): Promise<PreparedImages> {
  const locate = createLocator(options.folders);
  const { references, originals, diagnostics } = referImages(owners, options, locate);
  const { config } = options;
  const readings = config
    ? await readSources(references, { ...options, pixelLimit: config.pixelLimit })
    : { sources: new Map<string, SourceImage>(), diagnostics: [], read: 0 };
  const catalog = createImageCatalog({ ...options, sources: readings.sources, locate });
  const planned = config
    ? planOwners(owners, { config, locate, catalog, sources: readings.sources, store: options.store })
    : { jobs: [], derived: new Map<string, string>(), remember: () => {}, diagnostics: [] };
  return {
    catalog,
    sources: readings.sources,
    diagnostics: [
      ...diagnostics,
      ...planned.diagnostics,
      ...readings.diagnostics,
      ...warnLocations(references, readings.sources, options.displayPath),
    ],
    jobs: planned.jobs,
    derived: planned.derived,
    remember: planned.remember,
    originals,
    read: readings.read,
  };
}

/**
 * Every local image use of the owners located: the files to read, the page
 * bundles' originals to publish, and an error for a path leading outside.
 */
function referImages(owners: readonly ImageOwner[], options: PrepareOptions, locate: Locator) {
  const references: ImageReference[] = [];
  const originals = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const refer = (
    owner: ImageOwner,
    use: { readonly src: string; readonly place: Place | undefined },
    auto: boolean,
  ) => {
    // With the pipeline off, only a page bundle's file (a relative path) is published or refused.
    if (!options.config && !isRelativeImagePath(use.src)) return;
    const located = locate(use.src, owner.sourcePath);
    if (!located) return;
    if ('outside' in located) {
      diagnostics.push(
        createDiagnostic({
          file: owner.displayPath,
          place: use.place,
          reason: `Unexpected image path "${use.src}" outside the content folder, expected a file beside the article or a site path such as /images/x.jpg`,
          ruleId: 'image-outside',
        }),
      );
      return;
    }
    if (located.inContent && existsSync(located.file)) originals.set(located.urlPath.slice(1), located.file);
    // With the pipeline off, images are linked as written, as before it existed: nothing to read.
    if (options.config)
      references.push({
        // One shape for every reference (no spread): a large site makes one per article.
        file: located.file,
        urlPath: located.urlPath,
        inContent: located.inContent,
        written: use.src,
        usedBy: { file: owner.displayPath, place: use.place },
        headerOnly: options.config.service !== undefined && !auto,
      });
  };
  // The lead, then the body's images: no list of each owner's uses is made (a large site has one per article).
  for (const owner of owners) {
    if (owner.lead) refer(owner, owner.lead, owner.lead.focus === 'auto');
    for (const image of owner.body) refer(owner, image, 'focus' in image && image.focus === 'auto');
  }
  return { references, originals, diagnostics };
}

/**
 * Plans every owner's derived files (reusing the plans of uses an earlier
 * build stored under the same digest) and warns about small lead images.
 */
function planOwners(
  owners: readonly ImageOwner[],
  input: {
    config: ImagesConfig;
    locate: Locator;
    catalog: ImageCatalog;
    sources: ReadonlyMap<string, SourceImage>;
    store: DerivedStore;
  },
): Pick<PreparedImages, 'jobs' | 'derived' | 'remember' | 'diagnostics'> {
  const { config, locate, catalog, store } = input;
  const jobs: EncodeJob[] = [];
  // Each group's distinct plans: a photo shown by many articles in the same way is planned once.
  const plans = new Map<string, string[]>();
  const addPlan = (group: string, files: string) => {
    const known = plans.get(group);
    if (!known) plans.set(group, [files]);
    else if (!known.includes(files)) known.push(files);
  };
  const fresh: FreshPlan[] = [];
  const diagnostics: Diagnostic[] = [];
  const digest = config.service ? '' : planDigest(config);
  for (const owner of owners) {
    const plan = (use: ImageUse, slots: readonly (ImageSlot | 'share')[]) => {
      const located = locate(use.src, owner.sourcePath) as LocatedImage | undefined;
      const source = located && !('outside' in located) ? input.sources.get(located.file) : undefined;
      if (config.service || !located || 'outside' in located || !source) return;
      // A use planned, encoded and stored by an earlier build under the same digest: its files as they were.
      const key = `${catalog.identity(use)}\n${JSON.stringify(use.focus ?? null)}\n${slots.join(' ')}`;
      const known = store.knownPlan(digest, key);
      // Derived files are named by their source's stem and keyed by its bytes: a group per stem and bytes shares no file.
      const group = `${createStem(source.urlPath)} ${source.hash}`;
      if (known !== undefined) {
        addPlan(group, known);
        return;
      }
      const derivatives = slots.flatMap((slot) => catalog.derivatives(use, slot));
      // Slots share sizes (a card's width may be a lead's): each file once, in the plan as in the jobs.
      const files = [...new Set(derivatives.map(toPlanFile))].join(' ');
      addPlan(group, files);
      fresh.push({ key, files });
      if (derivatives.length > 0) jobs.push({ file: located.file, derivatives });
    };
    if (owner.lead && !owner.logo)
      plan(
        owner.lead,
        owner.avatar ? ['avatar'] : ['lead', 'card', 'share', ...(owner.featured ? ['featured' as const] : [])],
      );
    for (const image of owner.body) plan({ src: image.src, owner: owner.sourcePath }, ['body']);
    // The source's own width, not its share plan: a known use is not planned again.
    const lead = owner.lead && !owner.avatar && !owner.logo ? locate(owner.lead.src, owner.sourcePath) : undefined;
    const width = lead && !('outside' in lead) ? input.sources.get(lead.file)?.width : undefined;
    if (width !== undefined && width < SHARE_WIDTH) diagnostics.push(smallLead(owner, width));
  }
  const remember = () => {
    for (const entry of fresh) store.rememberPlan(digest, entry.key, entry.files);
  };
  const derived = new Map<string, string>();
  // Sorted: the owners' order (newest first) moves with every publish.
  for (const [group, files] of plans)
    derived.set(group, files.length === 1 ? (files[0] as string) : files.sort().join(' '));
  return { jobs, derived, remember, diagnostics };
}

function smallLead(owner: ImageOwner, width: number): Diagnostic {
  return createDiagnostic({
    file: owner.displayPath,
    place: owner.lead?.place,
    severity: 'warning',
    reason: `Unexpected lead image ${width} px wide, expected at least ${SHARE_WIDTH} px for large previews in Google Discover and Top Stories`,
    ruleId: 'image-small',
  });
}

/** A use planned by this build, to remember once its files are stored. */
interface FreshPlan {
  readonly key: string;
  /** `key name key name …`: each derived file's key and its name below `/_images/`. */
  readonly files: string;
}

const DERIVED_PREFIX = `/${DERIVED_DIR}/`;

function toPlanFile(derivative: Derivative): string {
  return `${derivative.key} ${derivative.urlPath.slice(DERIVED_PREFIX.length)}`;
}
