package io.loyaltybridge.sandbox.hubspot;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/**
 * What a call touching feedback_submissions must pass, checked only for this object (the sandbox does not check
 * scopes elsewhere). Reads need one of the scopes the spec lists for them, crm.objects.contacts.read or
 * crm.objects.feedback_submissions.read (the spec's security alternatives, as HubSpot's guide says "one of"); an app
 * granted neither gets HubSpot's 403 MISSING_SCOPES. The object is read-only through the API (HubSpot's guide: "you
 * cannot use it to create, update, or delete survey response data") and it has no write scope to grant, so a write
 * fails the same scope check, whatever the app holds.
 */
final class FeedbackAccess {
    static final List<String> READ_SCOPES = List.of("crm.objects.contacts.read",
            "crm.objects.feedback_submissions.read");
    private static final String MESSAGE = "This app hasn't been granted all required scopes to make this call. Read "
            + "more about required scopes here: https://developers.hubspot.com/scopes.";
    /** The app's scopes; null: every scope it could ask for (the sandbox's default). */
    private final Set<String> granted;

    FeedbackAccess(Set<String> granted) {
        this.granted = granted;
    }

    void handle(RoutingContext ctx) {
        if (!aboutFeedback(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        if (!isRead(ctx.request().method(), ctx.normalizedPath())) {
            Reply.error(ctx, new ApiError(403, "MISSING_SCOPES", null, MESSAGE));
            return;
        }
        if (granted != null && READ_SCOPES.stream().noneMatch(granted::contains)) {
            Reply.error(ctx, new ApiError(403, "MISSING_SCOPES", null, MESSAGE)
                    .with("requiredGranularScopes", READ_SCOPES.toArray(String[]::new)));
            return;
        }
        ctx.next();
    }

    /** The object segments of the CRM paths: objects v3/v4 and properties take one, associations v4 two. */
    private static boolean aboutFeedback(String path) {
        String[] p = path.split("/");
        if (p.length > 4 && p[1].equals("crm") && (p[3].equals("objects") || p[3].equals("properties"))) {
            return isFeedback(p[4]);
        }
        if (p.length > 5 && p[1].equals("crm") && p[2].equals("v4") && p[3].equals("associations")) {
            return isFeedback(p[4]) || isFeedback(p[5]);
        }
        if (p.length > 7 && p[1].equals("crm") && p[3].equals("objects") && p[6].equals("associations")) {
            return isFeedback(p[7]);
        }
        return false;
    }

    private static boolean isFeedback(String segment) {
        ObjectType t = ObjectType.FEEDBACK_SUBMISSIONS;
        return t.path.equalsIgnoreCase(segment) || t.singular.equalsIgnoreCase(segment) || t.typeId.equals(segment);
    }

    private static boolean isRead(HttpMethod method, String path) {
        return method == HttpMethod.GET
                || (method == HttpMethod.POST && (path.endsWith("/search") || path.endsWith("/batch/read")));
    }
}
