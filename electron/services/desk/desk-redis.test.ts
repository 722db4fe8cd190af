import { createServer, type AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { connectDeskRedis, redisOptions } from './desk-redis'

describe('the Redis a desk shares stories through', () => {
  it('is read from a redis:// address, with its password and database', () => {
    expect(redisOptions('redis://127.0.0.1:6380')).toEqual({
      host: '127.0.0.1',
      port: 6380,
      options: {},
    })
    expect(redisOptions('rediss://desk:s%40cret@redis.example.org/2')).toEqual({
      host: 'redis.example.org',
      port: 6379,
      options: { username: 'desk', password: 's@cret', db: 2, tls: {} },
    })
  })

  it('refuses an address that is not Redis’s, saying what one looks like', () => {
    expect(() => redisOptions('127.0.0.1:6379')).toThrow(/is no Redis address/)
    expect(() => redisOptions('http://127.0.0.1:6379')).toThrow(/must start with redis:\/\//)
    expect(() => redisOptions('redis://127.0.0.1:6379/desk')).toThrow(/a database number/)
  })

  it('says so when nothing answers there, and leaves nothing connecting', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    await expect(connectDeskRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      `Redis at redis://127.0.0.1:${port} cannot be reached`,
    )
  })
})
