/** A .docx that cannot be read: kept apart from the reader so it can load only when needed. */
export class DocxImportError extends Error {}
