import { openSessionCache } from './lib/build/session-cache.js';
import { collectResults } from './lib/build/process-sources.js';
import { buildSite } from './lib/site/build-site.js';
import { describeSiteStructure } from './lib/build/page-dependents.js';
import { loadConfig } from './lib/config/load-config.js';
import { resolveConfig } from './lib/config/resolve-config.js';
import fs from 'node:fs';
const dir = '/tmp/c10/node_modules/.cache/newsgen';
const header = fs.readFileSync(dir + '/state.json', 'utf8').split('\n')[0].split(' ')[1];
const loaded = await loadConfig('/tmp/c10', undefined);
const { config } = resolveConfig('/tmp/c10', loaded, {}, new Date());
for (let r = 0; r < 4; r++) {
  let t = performance.now(); const lap = (l) => { const n = performance.now(); process.stdout.write(`${l} ${(n - t).toFixed(0)}  `); t = n; };
  const cache = await openSessionCache(dir, header);
  const { results } = await cache.restore(); lap('restore');
  const content = collectResults([...results].map(([p, c]) => ({ source: { displayPath: p }, result: c.result }))); lap('collect');
  const { site } = buildSite(content.articles, content.profiles, config, (a) => a.sourcePath); lap('buildSite');
  describeSiteStructure(site, 'x'); lap('structure');
  console.log();
}
