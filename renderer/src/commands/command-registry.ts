import { useEffect, useRef } from 'react'
import {
  COMMANDS,
  COMMAND_IDS,
  matchesAccelerator,
  type CommandId,
  type KeyPress,
} from '../../../shared/commands/commands'

type Handler = () => unknown

/**
 * The renderer's side of the command list: whoever owns a command (a panel, a dialog, the app)
 * registers what it does while it is on screen; menus, shortcuts and buttons all run it here.
 */
const handlers = new Map<CommandId, Handler>()

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform)

export function registerCommand(id: CommandId, handler: Handler): () => void {
  handlers.set(id, handler)
  return () => {
    if (handlers.get(id) === handler) handlers.delete(id)
  }
}

/** Runs a command if something on screen can; answers whether it ran. */
export function runCommand(id: CommandId): boolean {
  const handler = handlers.get(id)
  if (!handler) return false
  void handler()
  return true
}

export const canRun = (id: CommandId) => handlers.has(id)

/** The command a key press stands for, if any. */
export function commandForKey(press: KeyPress, mac = IS_MAC): CommandId | undefined {
  return COMMAND_IDS.find((id) => {
    const accelerator: string | undefined = COMMANDS[id].accelerator
    return accelerator !== undefined && matchesAccelerator(accelerator, press, mac)
  })
}

/** Registers a command for as long as the component is mounted, always running its latest handler. */
export function useCommand(id: CommandId, handler: Handler, enabled = true): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(
    () => (enabled ? registerCommand(id, () => latest.current()) : undefined),
    [id, enabled],
  )
}
