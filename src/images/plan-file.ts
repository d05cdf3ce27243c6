import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The image store's remembered plans (see `DerivedStore.knownPlan`): the
 * digest they were made under, and each use's files. What changed since they
 * were read is tracked, so a save appends those changes to a log instead of
 * writing every plan again: a site with a photo per article remembers tens of
 * megabytes of plans, and a publish changes two or three of them.
 */
export interface Plans {
  digest: string;
  readonly entries: Map<string, string>;
  /** Uses asked for or remembered since the last save: the others are dropped then. */
  readonly used: Set<string>;
  /** Uses set (to their files) or dropped (undefined) since the plans were read or saved. */
  readonly pending: Map<string, string | undefined>;
  /** The whole file must be written again: another digest, or plans forgotten. */
  rewrite: boolean;
  /** The base file's generation, which its log names; lines in the log so far. */
  generation: string;
  logLines: number;
}

const BASE_FILE = 'plans.json';
const LOG_FILE = 'plans-log.json';

/**
 * The plans in `dir`: the base file, then its log's changes in order. A log
 * of another base (a save stopped between the two) is ignored, and so are a
 * torn last line and anything after it: a plan lost is only planned again.
 * Read synchronously: the promise API reads in 512 KB pieces, each a round trip.
 */
export function readPlans(dir: string): Plans {
  const plans: Plans = {
    digest: '',
    entries: new Map(),
    used: new Set(),
    pending: new Map(),
    rewrite: false,
    generation: '',
    logLines: 0,
  };
  const base = readJson(path.join(dir, BASE_FILE)) as { digest?: unknown; generation?: unknown; plans?: unknown };
  const stored = base?.plans;
  if (typeof base?.digest !== 'string' || typeof stored !== 'object' || stored === null) return plans;
  plans.digest = base.digest;
  plans.generation = typeof base.generation === 'string' ? base.generation : '';
  for (const [use, files] of Object.entries(stored)) if (typeof files === 'string') plans.entries.set(use, files);
  const log = readText(path.join(dir, LOG_FILE))?.split('\n') ?? [];
  if (plans.generation === '' || log[0] !== JSON.stringify(plans.generation)) return plans;
  for (const line of log.slice(1)) {
    if (line === '') continue;
    const change = parseLine(line);
    // A torn line: what follows it could never be read, so the next save writes the base again.
    if (!change) {
      plans.rewrite = true;
      break;
    }
    if (change[1] === undefined) plans.entries.delete(change[0]);
    else plans.entries.set(change[0], change[1]);
    plans.logLines += 1;
  }
  return plans;
}

/**
 * Writes what changed since the plans were read: appended to the log, or the
 * whole base again (atomically, under a new generation, its old log removed)
 * when it must be or when the log has grown past a quarter of the plans.
 */
export async function savePlans(dir: string, plans: Plans): Promise<void> {
  if (!plans.rewrite && plans.pending.size === 0) return;
  await mkdir(dir, { recursive: true });
  const lines = [...plans.pending].map(([use, files]) => JSON.stringify(files === undefined ? [use] : [use, files]));
  plans.pending.clear();
  if (!plans.rewrite && plans.generation !== '' && plans.logLines + lines.length <= plans.entries.size / 4 + 64) {
    const log = path.join(dir, LOG_FILE);
    const header = plans.logLines === 0 ? `${JSON.stringify(plans.generation)}\n` : '';
    // A log the base does not name (from an earlier generation) is started again.
    if (plans.logLines === 0) await rm(log, { force: true });
    await appendFile(log, `${header}${lines.join('\n')}\n`);
    plans.logLines += lines.length;
    return;
  }
  plans.generation = randomUUID();
  const text = JSON.stringify({
    digest: plans.digest,
    generation: plans.generation,
    plans: Object.fromEntries(plans.entries),
  });
  await writeAtomically(path.join(dir, BASE_FILE), text);
  await rm(path.join(dir, LOG_FILE), { force: true });
  plans.rewrite = false;
  plans.logLines = 0;
}

/** Writes `text` to `file` under a temporary name, then renames it into place: a crash leaves the old file or the new. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** A log line: `[use, files]` sets a plan, `[use]` drops it; undefined when torn or not that. */
function parseLine(line: string): [string, string | undefined] | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (!Array.isArray(value) || typeof value[0] !== 'string') return undefined;
    if (value.length === 1) return [value[0], undefined];
    return value.length === 2 && typeof value[1] === 'string' ? [value[0], value[1]] : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
