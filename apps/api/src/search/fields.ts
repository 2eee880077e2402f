// Reading a document's fields by name, with dots for nested objects, as both engines do.
import type { SearchDocument } from './port.js';

export function fieldValue(doc: Record<string, unknown> | undefined, field: string): unknown {
  if (!doc) return undefined;
  if (field in doc) return doc[field];
  let value: unknown = doc;
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A field as text: array elements joined by ', ', numbers written out, anything else left out. */
export function fieldText(doc: SearchDocument | Record<string, unknown> | undefined, field: string): string {
  const value = fieldValue(doc, field);
  if (typeof value === 'string') return value;
  const parts = Array.isArray(value) ? value : [value];
  return parts.filter((part) => typeof part === 'string' || typeof part === 'number').join(', ');
}
