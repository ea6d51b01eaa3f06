import { countItemView } from '../../store/catalogue.repo.ts';
import type { AppContext } from '../context.ts';

/** Counts a reader's view of a published item; the new count, or undefined when it is not published. */
export async function recordView(ctx: AppContext, itemId: number): Promise<number | undefined> {
  return countItemView(ctx.db, itemId);
}
