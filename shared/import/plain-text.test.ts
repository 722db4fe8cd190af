import { describe, expect, it } from 'vitest'
import { parsePlainText } from './plain-text'

describe('plain text: the first line', () => {
  it('is the headline when it reads as one', () => {
    const story = parsePlainText('Mr. Smith goes to Washington\n\nThe senator arrived on Monday.')
    expect(story.headline).toBe('Mr. Smith goes to Washington')
    expect(story.standfirst).toBe('The senator arrived on Monday.')
  })

  it('is the first paragraph when it holds two sentences', () => {
    const story = parsePlainText(
      'The council met on Tuesday night. It voted seven to two to close the old bridge\n\nFerries run hourly.',
    )
    expect(story.headline).toBe('')
    expect(story.standfirst).toBe('')
    expect(story.bodyHtml).toBe(
      '<p>The council met on Tuesday night. It voted seven to two to close the old bridge</p><p>Ferries run hourly.</p>',
    )
  })

  it('is a paragraph when a sentence is all the text there is', () => {
    const story = parsePlainText('The council voted to close the old bridge.\n')
    expect(story.headline).toBe('')
    expect(story.bodyHtml).toBe('<p>The council voted to close the old bridge.</p>')
  })
})
