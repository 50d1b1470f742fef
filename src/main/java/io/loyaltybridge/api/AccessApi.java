package io.loyaltybridge.api;

import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/me}: who the token is and what it may call, so a console shows only the actions it can take. */
public final class AccessApi {
    private final ApiGuard guard;
    private final long supportAdjustmentLimit;

    public AccessApi(ApiGuard guard, long supportAdjustmentLimit) {
        this.guard = guard;
        this.supportAdjustmentLimit = supportAdjustmentLimit;
    }

    public void me(Exchange exchange) {
        guard.handle(exchange, request -> {
            Caller caller = request.caller();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", caller.name());
            view.put("role", caller.role().wire());
            // Only support has a limit: manager and admin adjust without one, the other roles not at all.
            view.put("adjustmentLimit", caller.role() == Role.SUPPORT ? supportAdjustmentLimit : null);
            view.put("operations", guard.routes().allowed(caller.role()));
            return Reply.ok(view);
        });
    }
}
