import type { HomePage } from '../site/site.js';
import { createCardView, createLeadCardView, createPaginationView, createTermView } from './create-card-view.js';
import type { ViewContext } from './view-context.js';
import type { HomePageView, SectionBlockView } from './view-model.js';

/** Stories shown right under the lead on the front page. */
const SECONDARY_COUNT = 3;

/**
 * The editorial hierarchy of the home page from the model's home page: on
 * the front page the headline leads, the next newest stories become the
 * secondary leads, the rest of the front page's newest the "latest"
 * headlines, and each section block splits into one card and a list of
 * headlines. Archive pages are a plain list. Reads only the page's own fields, so the page's
 * fingerprint covers everything printed.
 */
export function createHomeSlots(
  page: HomePage,
  context: ViewContext,
): Pick<HomePageView, 'lead' | 'secondary' | 'latest' | 'sections' | 'articles' | 'pagination'> {
  const pagination = createPaginationView(page.pagination, context);
  const cards = page.articles.map((article) => createCardView(article, context));
  if (page.pagination.number > 0)
    return { lead: undefined, secondary: [], latest: [], sections: [], articles: cards, pagination };
  const sections: SectionBlockView[] = [];
  for (const block of page.sections) {
    const [first, ...rest] = block.articles;
    if (!first) continue;
    sections.push({
      section: createTermView(block.term, context),
      lead: createCardView(first, context),
      headlines: rest.map((article) => createCardView(article, context)),
    });
  }
  return {
    lead: page.headline && createLeadCardView(page.headline, context),
    secondary: cards.slice(0, SECONDARY_COUNT),
    latest: cards.slice(SECONDARY_COUNT),
    sections,
    articles: [],
    pagination,
  };
}
