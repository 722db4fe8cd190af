/** "… Photo: Jo Smith/Herald", "… (Credit: AP)", "[Picture: … Credit: …]" as Copydesk's wire text writes. */
const CAPTION_WITH_CREDIT =
  /^(?:\[picture:\s*)?(.*?)\s*[([]?\b(?:photo(?:graph)?|foto|bild|picture|image|imagen|credit|illustration)s?:\s*([^)\]]+?)[)\]]*\.?$/i

/** A caption and the credit at its end, when the credit can be told apart. */
export function splitCaptionCredit(text: string): { caption: string; credit: string } | undefined {
  const match = CAPTION_WITH_CREDIT.exec(text.trim())
  if (!match) return undefined
  return {
    caption: (match[1] ?? '').replace(/[\s.,;:–—-]+$/, '').replace(/^\[picture:\s*/i, ''),
    credit: (match[2] ?? '').trim(),
  }
}
