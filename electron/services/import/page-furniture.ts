/** Page furniture: what a site puts around an article that is no part of the story. */
/** A page's asides are its sidebars, except a pull quote, which is the story's own words. */
export const FURNITURE_ELEMENTS =
  'script, style, noscript, template, iframe, object, embed, form, button, nav, aside:not(.pull-quote), footer, svg, canvas, video, audio, [role=navigation], [role=complementary], [aria-hidden=true]'

/** The words sites use for furniture in their class names and ids. */
const FURNITURE_NAMES =
  /(^|[\s_-])(share|sharing|social|related|comments?|advert\w*|ads?|promo\w*|newsletter|subscribe|recommend\w*|outbrain|taboola|sponsor\w*|breadcrumbs?|tags|author-bio|bio|more-on|read-more|paywall|signup)([\s_-]|$)/i

export const isFurniture = (element: Element) =>
  FURNITURE_NAMES.test(`${element.getAttribute('class') ?? ''} ${element.id}`)
