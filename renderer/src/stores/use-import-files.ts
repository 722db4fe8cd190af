import { useState } from 'react'
import { client } from '../api/client'
import { useEditorStore } from './editor-store'

export interface ImportOutcome {
  imported: { id: string; headline: string; notes: string[] }[]
  failures: string[]
}

/** Files chosen or dropped become new articles; the last one opens. */
export function useImportFiles() {
  const open = useEditorStore((state) => state.open)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ImportOutcome>()

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return
    setBusy(true)
    const result: ImportOutcome = { imported: [], failures: [] }
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const imported = await client.invoke('article:import', { fileName: file.name, bytes })
      if (imported.ok) {
        const { article, notes } = imported.value
        result.imported.push({ id: article.id, headline: article.headline, notes })
      } else {
        result.failures.push(imported.error.message)
      }
    }
    setBusy(false)
    setOutcome(result)
    const last = result.imported.at(-1)
    if (last) await open(last.id)
  }

  return { importFiles, busy, outcome, dismiss: () => setOutcome(undefined) }
}
