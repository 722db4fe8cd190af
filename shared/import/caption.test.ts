import { describe, expect, it } from 'vitest'
import { splitCaptionCredit } from './caption'

describe('splitCaptionCredit', () => {
  it.each([
    ['The bridge at dawn. Photo: Jo Smith/Herald', 'The bridge at dawn', 'Jo Smith/Herald'],
    ['Die Brücke am Morgen. Foto: dpa', 'Die Brücke am Morgen', 'dpa'],
    [
      'Whale expert Hori Parata. Photograph: Adrian Malloch',
      'Whale expert Hori Parata',
      'Adrian Malloch',
    ],
    ['El puente. (Imagen: EFE)', 'El puente', 'EFE'],
    [
      'Un Népalais prie à Katmandou, le 30 avril 2015. (Photo Prakash Mathema. AFP)',
      'Un Népalais prie à Katmandou, le 30 avril 2015',
      'Prakash Mathema. AFP',
    ],
  ])('splits "%s"', (text, caption, credit) => {
    expect(splitCaptionCredit(text)).toEqual({ caption, credit })
  })

  it('leaves a sentence without a credit alone', () => {
    expect(splitCaptionCredit('The council met on Tuesday.')).toBeUndefined()
  })
})
