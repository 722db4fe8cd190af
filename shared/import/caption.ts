/** "… Photo: Jo Smith/Herald", "… (Credit: AP)", "[Picture: … Credit: …]" as Copydesk's wire text writes. */
const CAPTION_WITH_CREDIT =
  /^(?:\[picture:\s*)?(.*?)\s*[([]?\b(?:photo(?:graph)?|foto|bild|picture|image|imagen|credit|illustration)s?:\s*([^)\]]+?)[)\]]*\.?$/i

/** "… le 30 avril 2015. (Photo Prakash Mathema. AFP)": a credit in brackets needs no colon. */
const CAPTION_WITH_BRACKETED_CREDIT =
  /^(.+?)\s*\((?:photo(?:graph)?|foto|bild|picture|image|imagen|credit|crédit)s?\s+([^()]+)\)\.?$/i

/** A caption and the credit at its end, when the credit can be told apart. */
export function splitCaptionCredit(text: string): { caption: string; credit: string } | undefined {
  const trimmed = text.trim()
  const bracketed = CAPTION_WITH_BRACKETED_CREDIT.exec(trimmed)
  if (bracketed) {
    return {
      caption: (bracketed[1] ?? '').replace(/[\s.,;:–—-]+$/, ''),
      credit: bracketed[2] ?? '',
    }
  }
  const match = CAPTION_WITH_CREDIT.exec(trimmed)
  if (!match) return undefined
  return {
    caption: (match[1] ?? '').replace(/[\s.,;:–—-]+$/, '').replace(/^\[picture:\s*/i, ''),
    credit: (match[2] ?? '').trim(),
  }
}
