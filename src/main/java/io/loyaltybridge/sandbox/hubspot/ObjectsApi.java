package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** Single-record calls of the v3 objects API: list, read, create, update, archive. */
final class ObjectsApi {
    private final CrmData data;

    ObjectsApi(CrmData data) {
        this.data = data;
    }

    void mount(Router r, Routes.Mounter m) {
        m.get(r, "/crm/v3/objects/:type", this::list);
        m.post(r, "/crm/v3/objects/:type", this::create);
        m.get(r, "/crm/v3/objects/:type/:id", this::read);
        m.patch(r, "/crm/v3/objects/:type/:id", this::update);
        m.delete(r, "/crm/v3/objects/:type/:id", this::archive);
    }

    private void list(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        int limit = Math.min(100, Math.max(1, intParam(ctx, "limit", 10)));
        boolean archived = Boolean.parseBoolean(ctx.queryParams().get("archived"));
        long after = ctx.queryParams().get("after") == null ? 0 : Req.id(ctx.queryParams().get("after")) + 1;
        List<String> props = Views.names(ctx.queryParams().getAll("properties"));
        List<String> assoc = Views.names(ctx.queryParams().getAll("associations"));
        List<Snap> page = new ArrayList<>();
        long[] more = {0};
        store.table().forEachFrom(after, s -> {
            if (s.archived() == archived) {
                if (page.size() < limit) {
                    page.add(s);
                } else if (more[0] == 0) {
                    more[0] = page.get(page.size() - 1).id();
                }
            }
        });
        ObjectNode body = Json.object();
        page.forEach(s -> body.withArray("results").add(withAssociations(t, s, props, assoc)));
        body.withArray("results");
        if (more[0] != 0) {
            body.putObject("paging").putObject("next").put("after", String.valueOf(more[0]))
                    .put("link", "?after=" + more[0]);
        }
        Reply.json(ctx, 200, body);
    }

    private void read(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        boolean archived = Boolean.parseBoolean(ctx.queryParams().get("archived"));
        Snap s = find(store, ctx.pathParam("id"), ctx.queryParams().get("idProperty"));
        if (s == null || s.archived() != archived) {
            throw ApiError.notFound("Object not found.  objectId are usually numeric.").with("id", ctx.pathParam("id"));
        }
        Reply.json(ctx, 200, withAssociations(t, s, Views.names(ctx.queryParams().getAll("properties")),
                Views.names(ctx.queryParams().getAll("associations"))));
    }

    private void create(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        JsonNode body = Req.body(ctx);
        Snap s = BatchApi.createOne(data, t, body, Req.source(ctx));
        Reply.json(ctx, 201, Views.object(data.store(t), s, null));
    }

    private void update(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        Snap target = find(store, ctx.pathParam("id"), ctx.queryParams().get("idProperty"));
        if (target == null) {
            throw ApiError.notFound("Object not found.  objectId are usually numeric.").with("id", ctx.pathParam("id"));
        }
        Snap s = data.update(t, target.id(), Req.properties(Req.body(ctx)), Req.source(ctx));
        Reply.json(ctx, 200, Views.object(store, s, null));
    }

    private void archive(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        Snap s = data.store(t).find(Req.id(ctx.pathParam("id")));
        if (s != null && !s.archived()) {
            data.archive(t, s.id(), true, Req.source(ctx));
        }
        Reply.empty(ctx);
    }

    /** By id (following merges) or by a unique property such as email. */
    static Snap find(ObjectStore store, String key, String idProperty) {
        if (idProperty != null && !idProperty.equals("hs_object_id")) {
            PropertyDef def = store.catalog.get(idProperty);
            if (def == null || !def.hasUniqueValue()) {
                throw ApiError.validation("Property " + idProperty + " is not a unique identifier property")
                        .with("idProperty", idProperty);
            }
            Long id = store.findUnique(idProperty, key);
            return id == null ? null : store.find(id);
        }
        return store.find(Req.id(key));
    }

    private ObjectNode withAssociations(ObjectType t, Snap s, List<String> props, List<String> assoc) {
        ObjectNode o = Views.object(data.store(t), s, props);
        for (String other : assoc) {
            ObjectType ot = ObjectType.fromPath(other).orElse(null);
            Links l = ot == null ? null : data.links(t, ot);
            if (l == null) {
                continue;
            }
            ObjectNode coll = o.withObject("associations").putObject(ot.path);
            coll.putArray("results");
            for (long id : l.of(t, s.id())) {
                coll.withArray("results").addObject().put("id", String.valueOf(id))
                        .put("type", t.singular + "_to_" + ot.singular);
            }
        }
        return o;
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.queryParams().get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.validation("Query parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }
}
