package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Associations v4: the batch read and the single-record listing, each link shown with its
 * {@code associationTypes} (HUBSPOT_DEFINED type ids: order-contact 507/508, deal-contact 3/4, note-contact 202/201,
 * order-line item 513/514, deal-line item 19/20). Pages hold 500.
 */
final class AssociationsApi {
    private static final int PAGE = 500;
    private final CrmData data;

    AssociationsApi(CrmData data) {
        this.data = data;
    }

    void mount(Router r, Routes.Mounter m) {
        m.post(r, "/crm/v4/associations/:from/:to/batch/read", this::batchRead);
        m.get(r, "/crm/v4/objects/:from/:id/associations/:to", this::list);
    }

    private void batchRead(RoutingContext ctx) {
        ObjectType from = Req.type(ctx, "from");
        ObjectType to = Req.type(ctx, "to");
        Links links = links(from, to);
        ObjectNode body = Json.object().put("status", "COMPLETE");
        ArrayNode results = body.putArray("results");
        List<String> none = new ArrayList<>();
        for (JsonNode in : Req.inputs(Req.body(ctx))) {
            String key = Json.text(in, "id", "");
            Snap s = data.store(from).find(Req.id(key));
            long[] ids = s == null ? new long[0] : links.of(from, s.id());
            if (ids.length == 0) {
                none.add(key);
                continue;
            }
            ObjectNode r = results.addObject();
            r.putObject("from").put("id", key);
            page(r, from, links, ids, Json.text(in, "after", null));
        }
        if (!none.isEmpty()) {
            body.put("numErrors", 1);
            body.putArray("errors").add(Reply.batchError(ApiError.notFound("No " + to.singular
                    + " is associated with " + from.singular + " " + String.join(", ", none) + ".")
                    .with("fromObjectId", none.toArray(String[]::new))));
        }
        body.put("startedAt", Instant.now(data.clock).toString()).put("completedAt", Instant.now(data.clock).toString());
        Reply.json(ctx, none.isEmpty() ? 200 : 207, body);
    }

    private void list(RoutingContext ctx) {
        ObjectType from = Req.type(ctx, "from");
        ObjectType to = Req.type(ctx, "to");
        Snap s = data.store(from).live(Req.id(ctx.pathParam("id")));
        ObjectNode body = Json.object();
        page(body, from, links(from, to), links(from, to).of(from, s.id()), ctx.queryParams().get("after"));
        if (body.has("to")) {
            body.set("results", body.remove("to"));
        }
        Reply.json(ctx, 200, body);
    }

    /** Writes one page of links as {@code to[]} and, when more follow, {@code paging.next.after}. */
    private void page(ObjectNode into, ObjectType from, Links links, long[] ids, String after) {
        int start = after == null || after.isBlank() ? 0 : Integer.parseInt(after);
        int end = Math.min(ids.length, start + PAGE);
        ArrayNode to = into.putArray("to");
        for (int i = start; i < end; i++) {
            ObjectNode t = to.addObject().put("toObjectId", String.valueOf(ids[i]));
            t.putArray("associationTypes").addObject().put("category", "HUBSPOT_DEFINED")
                    .put("typeId", links.typeIdFrom(from));
        }
        if (end < ids.length) {
            into.putObject("paging").putObject("next").put("after", String.valueOf(end));
        }
    }

    private Links links(ObjectType from, ObjectType to) {
        Links l = data.links(from, to);
        if (l == null) {
            throw ApiError.validation("No association types are defined from " + from.path + " to " + to.path);
        }
        return l;
    }
}
