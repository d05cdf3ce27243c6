/**
 * The GitHub Actions workflow of a starter site: on every push to `main`,
 * install, restore the build cache and the last output, build with the URL
 * GitHub Pages serves the site at, and deploy. Only GitHub's own actions are
 * used.
 */
export function renderWorkflow(): string {
  return `# Builds the site and publishes it on GitHub Pages after every push to main.
# Enable it once in the repository: Settings → Pages → Source: GitHub Actions.
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
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
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      # After npm ci, which empties node_modules: the cache lives in node_modules/.cache/newsgen.
      # The last build's output is kept with it, in the same entry, so the build renders and writes
      # only what changed instead of every page.
      - uses: actions/cache@v4
        with:
          path: |
            node_modules/.cache/newsgen
            dist
          key: newsgen-\${{ github.sha }}
          restore-keys: newsgen-
      - id: pages
        uses: actions/configure-pages@v5
      # The URL GitHub Pages serves the site at wins over baseUrl in the config file.
      - run: npx newsgen build --base-url "\${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}
