/**
 * The GitHub Actions workflow of a starter site: on every push to `main` and
 * every quarter of an hour (so that scheduled articles appear at their time),
 * install, restore the build cache and the last output, build with the URL
 * GitHub Pages serves the site at, and deploy. A run whose build wrote and
 * deleted nothing (its change manifest says so) saves no cache entry, and a
 * scheduled one deploys nothing. Only GitHub's own actions are used.
 */
export function renderWorkflow(): string {
  return `# Builds the site and publishes it on GitHub Pages after every push to main, and
# every quarter of an hour: scheduled articles (dated later) appear at their time,
# and the Google News sitemap lets go of articles older than two days. A scheduled
# run with nothing due finds the site up to date, and deploys and saves nothing.
# Enable it once in the repository: Settings → Pages → Source: GitHub Actions.
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  schedule:
    # Off the full hour, when GitHub starts most scheduled runs and may delay them.
    - cron: '7,22,37,52 * * * *'
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits instead of cancelling a running one.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      changed: \${{ steps.build.outputs.changed }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      # After npm ci, which empties node_modules: the cache lives in node_modules/.cache/newsgen.
      # The last build's output is kept with it, in the same entry, so the build renders and writes
      # only what changed instead of every page. The newest entry is restored.
      - uses: actions/cache/restore@v4
        with:
          path: |
            node_modules/.cache/newsgen
            dist
          key: newsgen-\${{ github.run_id }}
          restore-keys: newsgen-
      - id: pages
        uses: actions/configure-pages@v5
      # The URL GitHub Pages serves the site at wins over baseUrl in the config file. The change
      # manifest says whether the build wrote or deleted any file.
      - id: build
        run: |
          npx newsgen build --base-url "\${{ steps.pages.outputs.base_url }}/" --changes "$RUNNER_TEMP/changes.json"
          node -e 'const c = require(process.argv[1]); console.log("changed=" + (c.written.length + c.deleted.length > 0))' "$RUNNER_TEMP/changes.json" >> "$GITHUB_OUTPUT"
      - if: steps.build.outputs.changed == 'true'
        uses: actions/cache/save@v4
        with:
          path: |
            node_modules/.cache/newsgen
            dist
          key: newsgen-\${{ github.run_id }}-\${{ github.run_attempt }}
      - if: steps.build.outputs.changed == 'true' || github.event_name != 'schedule'
        uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    needs: build
    if: needs.build.outputs.changed == 'true' || github.event_name != 'schedule'
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}
