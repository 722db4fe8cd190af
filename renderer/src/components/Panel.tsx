import { useId, type ReactNode } from 'react'
import type { PanelId } from '../../../shared/settings/schema'
import { useSettings } from '../stores/settings-store'

interface Props {
  id: PanelId
  /** The region's accessible name ("Body counts"); the heading shows `title`. */
  name: string
  title: string
  children: ReactNode
}

/**
 * One panel beside the story: a region with a heading that folds it away. Which panels are
 * folded is kept in the settings, so the layout is the same in the next window.
 */
export function Panel({ id, name, title, children }: Props) {
  const contentId = useId()
  const collapsed = useSettings((state) => state.settings?.collapsedPanels.includes(id) ?? false)
  const update = useSettings((state) => state.update)
  const toggle = () => {
    const current = useSettings.getState().settings?.collapsedPanels ?? []
    void update({
      collapsedPanels: collapsed ? current.filter((panel) => panel !== id) : [...current, id],
    })
  }
  return (
    <section className={`panel ${id}`} aria-label={name}>
      <h2 className="panel-heading">
        <button
          type="button"
          className="panel-toggle"
          aria-expanded={!collapsed}
          aria-controls={contentId}
          onClick={toggle}
        >
          {title}
        </button>
      </h2>
      <div id={contentId} className="panel-content" hidden={collapsed}>
        {children}
      </div>
    </section>
  )
}
