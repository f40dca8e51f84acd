import type { UseInfiniteQueryResult } from "@tanstack/react-query";

import { ProblemAlert } from "./problem-alert";

/** Loading and error states of a paged list, and its "Load more" button. */
export function ListFooter({ query, empty, count }: {
  query: UseInfiniteQueryResult<unknown>;
  empty: string;
  count: number;
}) {
  if (query.isPending) return <p className="muted list-note">Loading…</p>;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return (
    <>
      {count === 0 && <p className="muted list-note">{empty}</p>}
      {query.hasNextPage && (
        <div className="load-more">
          <button type="button" className="btn" disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </>
  );
}
