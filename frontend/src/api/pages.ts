// Every list endpoint returns `{items, next_cursor}`; these turn that into
// TanStack infinite queries with a "Load more" button.
import type { InfiniteData } from "@tanstack/react-query";

export type Page<T> = { items: T[]; next_cursor?: string | null };

export const cursorPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: Page<unknown>): string | undefined => last.next_cursor ?? undefined,
};

export function flatItems<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
