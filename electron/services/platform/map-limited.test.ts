import { describe, expect, it } from 'vitest'
import { mapLimited } from './map-limited'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('mapLimited', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0
    let most = 0
    const results = await mapLimited([5, 1, 4, 2, 3, 6, 7], 3, async (item) => {
      most = Math.max(most, ++running)
      for (let wait = 0; wait < item; wait++) await tick()
      running--
      return item * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30, 60, 70])
    expect(most).toBe(3)
  })

  it('runs one at a time with a limit of one, and handles no items', async () => {
    const order: string[] = []
    await mapLimited(['a', 'b'], 1, async (item) => {
      order.push(`start ${item}`)
      await tick()
      order.push(`end ${item}`)
    })
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b'])
    expect(await mapLimited([], 4, async () => 1)).toEqual([])
  })

  it('rejects with the first failure', async () => {
    await expect(
      mapLimited([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error('photo 2 is damaged')
        return item
      }),
    ).rejects.toThrow('photo 2 is damaged')
  })
})
