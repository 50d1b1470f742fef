package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batch calls: read, create, update, upsert, archive, at most 100 inputs each. Inputs that fail do not stop the
 * others; the answer is then 207 Multi-Status with {@code errors[]} and {@code numErrors}.
 */
final class BatchApi {
    private final CrmData data;

    BatchApi(CrmData data) {
        this.data = data;
    }

    void mount(Router r, Routes.Mounter m) {
        m.post(r, "/crm/v3/objects/:type/batch/read", this::read);
        m.post(r, "/crm/v3/objects/:type/batch/create", this::create);
        m.post(r, "/crm/v3/objects/:type/batch/update", this::update);
        m.post(r, "/crm/v3/objects/:type/batch/upsert", this::upsert);
        m.post(r, "/crm/v3/objects/:type/batch/archive", this::archive);
    }

    private void read(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        JsonNode body = Req.body(ctx);
        String idProperty = Json.text(body, "idProperty", null);
        List<String> props = Req.strings(body, "properties");
        boolean archived = Boolean.parseBoolean(ctx.queryParams().get("archived"));
        Outcome out = new Outcome();
        List<String> missing = new ArrayList<>();
        for (JsonNode in : Req.inputs(body)) {
            String key = Json.text(in, "id", "");
            Snap s = ObjectsApi.find(store, key, idProperty);
            if (s == null || s.archived() != archived) {
                missing.add(key);
            } else {
                out.results.add(Views.object(store, s, props));
            }
        }
        if (!missing.isEmpty()) {
            out.fail(ApiError.notFound("Could not get some " + t.label() + " objects, they may be deleted or not "
                    + "exist. Check that ids are valid.").with("ids", missing.toArray(String[]::new)));
        }
        out.send(ctx, 200);
    }

    private void create(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        Outcome out = new Outcome();
        for (JsonNode in : Req.inputs(Req.body(ctx))) {
            try {
                out.results.add(Views.object(data.store(t), createOne(data, t, in, Req.source(ctx)), null));
            } catch (ApiError e) {
                out.fail(e);
            }
        }
        out.send(ctx, 201);
    }

    private void update(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        JsonNode body = Req.body(ctx);
        List<JsonNode> inputs = Req.inputs(body);
        Set<String> seen = new HashSet<>();
        for (JsonNode in : inputs) {
            if (!seen.add(Json.text(in, "id", ""))) {
                throw ApiError.validation("Duplicate IDs found in batch input: [" + Json.text(in, "id", "") + "]. "
                        + "IDs must be unique").with("ids", Json.text(in, "id", ""));
            }
        }
        Outcome out = new Outcome();
        for (JsonNode in : inputs) {
            String key = Json.text(in, "id", "");
            try {
                Snap s = ObjectsApi.find(store, key, Json.text(in, "idProperty", null));
                if (s == null || s.archived()) {
                    throw ApiError.notFound(t.label() + " object with id " + key + " was not found.")
                            .with("ids", key);
                }
                out.results.add(Views.object(store, data.update(t, s.id(), Req.properties(in), Req.source(ctx)), null));
            } catch (ApiError e) {
                out.fail(e.context.containsKey("ids") ? e : e.with("ids", key));
            }
        }
        out.send(ctx, 200);
    }

    private void upsert(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        ObjectStore store = data.store(t);
        Outcome out = new Outcome();
        for (JsonNode in : Req.inputs(Req.body(ctx))) {
            String key = Json.text(in, "id", "");
            String idProperty = Json.text(in, "idProperty", "hs_object_id");
            try {
                Snap found = ObjectsApi.find(store, key, idProperty);
                boolean isNew = found == null || found.archived();
                Snap s;
                if (isNew) {
                    var props = Req.properties(in);
                    if (!idProperty.equals("hs_object_id")) {
                        props.putIfAbsent(idProperty, key);
                    }
                    s = data.create(t, props, Req.source(ctx));
                } else {
                    s = data.update(t, found.id(), Req.properties(in), Req.source(ctx));
                }
                out.results.add(Views.object(store, s, null).put("new", isNew));
            } catch (ApiError e) {
                out.fail(e.with("ids", key));
            }
        }
        out.send(ctx, 200);
    }

    private void archive(RoutingContext ctx) {
        ObjectType t = Req.type(ctx, "type");
        for (JsonNode in : Req.inputs(Req.body(ctx))) {
            Snap s = data.store(t).find(Req.id(Json.text(in, "id", "")));
            if (s != null && !s.archived()) {
                data.archive(t, s.id(), true, Req.source(ctx));
            }
        }
        Reply.empty(ctx);
    }

    /** Creates one record and the associations given with it (used by single and batch create). */
    static Snap createOne(CrmData data, ObjectType t, JsonNode in, Change.Source source) {
        JsonNode assoc = in.get("associations");
        List<long[]> links = new ArrayList<>();
        List<ObjectType> linkTypes = new ArrayList<>();
        if (assoc != null && assoc.isArray()) {
            for (JsonNode a : assoc) {
                long toId = Req.id(Json.text(Json.required(a, "to"), "id", ""));
                ObjectType toType = typeOf(data, toId);
                data.store(toType).live(toId);
                links.add(new long[] {toId});
                linkTypes.add(toType);
            }
        }
        Snap s = data.create(t, Req.properties(in), source);
        for (int i = 0; i < links.size(); i++) {
            data.associate(t, s.id(), linkTypes.get(i), links.get(i)[0]);
        }
        return s;
    }

    /** The sandbox's id ranges tell the type of an associated record without the association type id table. */
    private static ObjectType typeOf(CrmData data, long id) {
        for (ObjectType t : ObjectType.values()) {
            if (data.store(t).find(id) != null) {
                return t;
            }
        }
        throw ApiError.validation("Association target " + id + " does not exist").with("ids", String.valueOf(id));
    }

    /** Results and errors of a batch call, and how they are answered. */
    private static final class Outcome {
        final List<ObjectNode> results = new ArrayList<>();
        final List<ObjectNode> errors = new ArrayList<>();
        final String startedAt = Instant.now().toString();

        void fail(ApiError e) {
            errors.add(Reply.batchError(e));
        }

        void send(RoutingContext ctx, int okStatus) {
            ObjectNode body = Json.object();
            body.put("status", "COMPLETE");
            ArrayNode res = body.putArray("results");
            results.forEach(res::add);
            if (!errors.isEmpty()) {
                body.put("numErrors", errors.size());
                ArrayNode errs = body.putArray("errors");
                errors.forEach(errs::add);
            }
            body.put("startedAt", startedAt);
            body.put("completedAt", Instant.now().toString());
            Reply.json(ctx, errors.isEmpty() ? okStatus : 207, body);
        }
    }
}
