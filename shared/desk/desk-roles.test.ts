import { describe, expect, it } from 'vitest'
import { newStoryStatusProblem, statusMoveProblem } from './desk-roles'

describe('who may move a story on the desk', () => {
  it('lets a reporter file a story and take it back', () => {
    expect(statusMoveProblem('reporter', 'draft', 'filed')).toBeUndefined()
    expect(statusMoveProblem('reporter', 'filed', 'draft')).toBeUndefined()
  })

  it('keeps the later states for the desk', () => {
    expect(statusMoveProblem('reporter', 'filed', 'subbed')).toMatch(/editor or a producer/)
    expect(statusMoveProblem('reporter', 'subbed', 'filed')).toMatch(/editor or a producer/)
    expect(statusMoveProblem('editor', 'filed', 'subbed')).toBeUndefined()
    expect(statusMoveProblem('producer', 'ready', 'published')).toBeUndefined()
  })

  it('moves one step at a time for everyone', () => {
    expect(statusMoveProblem('editor', 'draft', 'published')).toMatch(/one step at a time/)
  })
})

describe('who may send the desk a story', () => {
  it('takes a reporter’s drafts and filed stories, and anything from the desk', () => {
    expect(newStoryStatusProblem('reporter', 'filed')).toBeUndefined()
    expect(newStoryStatusProblem('reporter', 'ready')).toMatch(/editor or a producer/)
    expect(newStoryStatusProblem('producer', 'published')).toBeUndefined()
  })
})
