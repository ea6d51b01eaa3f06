/**
 * The NUL character (U+0000) cannot be stored in PostgreSQL's text, and no form has a use for it:
 * a form field that holds one is refused by name, before any handler sees it, on both databases alike.
 */
import type { FastifyInstance } from 'fastify';
import { fieldError, InputError } from '../../domain/shared/result.ts';

/** The name of the first field (of a parsed body or query) holding a NUL, if any. */
export function fieldWithNul(values: unknown, name = ''): string | null {
  if (typeof values === 'string') return values.includes('\u0000') ? name || 'body' : null;
  if (Array.isArray(values)) {
    for (const v of values) if (fieldWithNul(v, name) !== null) return name || 'body';
    return null;
  }
  if (values && typeof values === 'object' && !(values instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(values)) {
      if (k.includes('\u0000')) return 'body';
      const found = fieldWithNul(v, k);
      if (found !== null) return found;
    }
  }
  return null;
}

export function refuseNul(values: unknown): void {
  const field = fieldWithNul(values);
  if (field !== null) throw new InputError([fieldError(field, 'GK_NUL', `提交的“${field.slice(0, 40)}”一项含有空字符（U+0000），无法保存，请删除后重新提交`)]);
}

/** A query string's NULs are dropped (a search or a list reads on, as the portal did before); a form's are refused. */
function withoutNul(values: unknown): unknown {
  if (typeof values === 'string') return values.replaceAll('\u0000', '');
  if (Array.isArray(values)) return values.map(withoutNul);
  if (values && typeof values === 'object') return Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replaceAll('\u0000', ''), withoutNul(v)]));
  return values;
}

export function refuseNulInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (fieldWithNul(request.query) !== null) request.query = withoutNul(request.query);
    refuseNul(request.params);
    refuseNul(request.body);
  });
}
