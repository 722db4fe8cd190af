/** The bytes of a base64 `data:` URL (a picture embedded in a page or a wire item). */
export function dataUrlBytes(url: string): Uint8Array {
  const base64 = /^data:[^;,]*;base64,(.*)$/s.exec(url)?.[1] ?? ''
  return Uint8Array.from(atob(base64.replace(/\s+/g, '')), (char) => char.charCodeAt(0))
}
