package io.loyaltybridge.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The benchmark's measure of what the guard adds to each API call: {@link ApiGuard#admit} (hash the presented
 * token, compare it with every configured one, take from its rate bucket, find the route and check the role),
 * in-process so the figure is the guard's own and not the HTTP stack's.
 */
public final class GuardCost {
    private GuardCost() {
    }

    /** Nanoseconds per admitted call with {@code tokens} configured tokens and {@code routes} REST routes. */
    public static double nanosPerCall(int tokens, int routes, int calls) {
        List<TokenBook.Entry> entries = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            entries.add(new TokenBook.Entry("caller-" + i, Role.values()[i % Role.values().length],
                    "token-of-caller-" + i + "-0123456789"));
        }
        List<RouteRoles.Operation> operations = new ArrayList<>();
        for (int i = 0; i < routes; i++) {
            operations.add(new RouteRoles.Operation("route-" + i, "GET", "/api/things-" + i + "/{id}",
                    EnumSet.of(Role.READ)));
        }
        ApiGuard guard = new ApiGuard(new TokenBook(entries),
                new ApiGuard.Limits(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, 0), 1024, null);
        guard.useRoutes(new RouteRoles(operations, List.of()));
        // The admin token (index 4) passes every check, so each call does the whole work.
        String header = "Bearer token-of-caller-4-0123456789";
        String path = "/api/things-" + (routes - 1) + "/42";
        int admitted = 0;
        for (int i = 0; i < calls / 4; i++) {
            admitted += guard.admit("GET", path, header) == null ? 1 : 0;
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            admitted += guard.admit("GET", path, header) == null ? 1 : 0;
        }
        long nanos = System.nanoTime() - start;
        if (admitted != calls + calls / 4) {
            throw new IllegalStateException("the guard refused a call it should admit");
        }
        return (double) nanos / calls;
    }
}
