package org.grassroots.kit.pagination;

import org.grassroots.kit.problem.ProblemException;

import java.util.List;
import java.util.function.Function;

/**
 * {@code ?limit=} and {@code ?cursor=} checked against the conventions (default 50, at most 200). Queries fetch
 * {@link #fetchSize()} rows (one more than the limit) so {@link #page} knows whether a next page exists.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * @param cursorValues how many sort values this collection's cursors carry
     */
    public static PageRequest of(Integer limit, String cursor, int cursorValues) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, cursorValues));
    }

    public int fetchSize() {
        return limit + 1;
    }

    /** Cuts the over-fetched rows to the limit and derives the next cursor from the last item kept. */
    public <T> Page<T> page(List<T> fetched, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }
}
