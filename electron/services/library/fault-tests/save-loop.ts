/**
 * Saves one article over and over, as fast as it can, printing each revision once it is on disk.
 * The crash-safety test kills this process at random moments.
 */
import { fieldsOf } from '../../../../shared/article'
import { LibraryStore } from '../library-store'

const [root = '', id = ''] = process.argv.slice(2)
if (!root || !id) throw new Error('usage: save-loop ROOT ARTICLE_ID')
const library = new LibraryStore(root)

/** A long body, so that each write takes long enough to be cut in the middle. */
const body = (revision: number) => ({
  type: 'doc',
  content: Array.from({ length: 400 }, (_, index) => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: `Revision ${revision}, paragraph ${index}: ${'words '.repeat(40)}` },
    ],
  })),
})

async function saveForever(): Promise<never> {
  for (;;) {
    const opened = await library.open(id)
    if (!opened.ok) throw new Error(opened.error.message)
    const article = opened.value
    const next = article.revision + 1
    const saved = await library.save(id, article.revision, {
      ...fieldsOf(article),
      headline: `Revision ${next}`,
      body: body(next),
    })
    if (!saved.ok) throw new Error(saved.error.message)
    process.stdout.write(`saved ${saved.value.revision}\n`)
  }
}

void saveForever()
