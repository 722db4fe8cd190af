import { describe, expect, it } from 'vitest'
import { findQuotes, quotesInParagraph } from './find-quotes'

describe('quotes found in a paragraph', () => {
  it.each([
    [
      'English',
      'en',
      '“We will reopen the bridge by March,” the mayor said. “Ferries run until then.”',
      ['We will reopen the bridge by March,', 'Ferries run until then.'],
    ],
    [
      'English, in single marks, past apostrophes',
      'en-GB',
      'The council’s engineer said: ‘It’s the worst rust we’ve seen in years.’',
      ['It’s the worst rust we’ve seen in years.'],
    ],
    [
      'Swedish',
      'sv',
      'Kommunen säger att ”bron öppnar igen i mars” och att färjorna går tills dess.',
      ['bron öppnar igen i mars'],
    ],
    [
      'Swedish speech opened by a dash',
      'sv',
      '– Vi är glada att bron öppnar igen, säger kommunalrådet Eva Lind.',
      ['Vi är glada att bron öppnar igen'],
    ],
    [
      'German',
      'de',
      'Der Bürgermeister sagte: „Die Brücke wird im März wieder geöffnet.“ Dann ging er.',
      ['Die Brücke wird im März wieder geöffnet.'],
    ],
    [
      'German, as books set it',
      'de',
      'Sie sagte: »Wir haben keine andere Wahl gehabt.« Niemand widersprach.',
      ['Wir haben keine andere Wahl gehabt.'],
    ],
    [
      'French, with its spaces inside the marks',
      'fr',
      'Le maire a déclaré : « Le pont rouvrira en mars. » Les ferries circulent.',
      ['Le pont rouvrira en mars.'],
    ],
    [
      'typed with straight marks',
      'en',
      'She said "the ferries will run every hour" and left.',
      ['the ferries will run every hour'],
    ],
  ])('%s', (_style, language, text, expected) => {
    expect(quotesInParagraph(text, language)).toEqual(expected)
  })

  it('takes words in marks that are a name or scare quotes for no quote', () => {
    expect(quotesInParagraph('The so-called “experts” backed the “Harbour Plan”.')).toEqual([])
  })

  it('runs a quote left open to the end of its paragraph, as quotes over paragraphs are set', () => {
    expect(quotesInParagraph('“The first thing we did was close the lanes to trucks.')).toEqual([
      'The first thing we did was close the lanes to trucks.',
    ])
  })

  it('reads a dash as a dash outside the Nordic languages', () => {
    expect(quotesInParagraph('– a list item typed with a dash, not speech', 'en')).toEqual([])
  })
})

describe('quotes found in a story', () => {
  it('lists each quote once, with the field it stands in, in reading order', () => {
    const found = findQuotes({
      headline: '“Bridge is safe”, says engineer',
      standfirst: 'The council says “nothing will change for buses”.',
      paragraphs: ['“Bridge is safe”, the engineer said again.', 'No quote here.'],
    })
    expect(found).toEqual([
      { quote: 'Bridge is safe', field: 'Headline' },
      { quote: 'nothing will change for buses', field: 'Standfirst' },
    ])
  })
})
