package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The v3 properties API: properties and property groups of each type, with HubSpot's definition checks. */
final class PropertiesApi {
    private final CrmData data;
    private final Clock clock;

    PropertiesApi(CrmData data) {
        this.data = data;
        this.clock = data.clock;
    }

    void mount(Router r, Routes.Mounter m) {
        m.get(r, "/crm/v3/properties/:type/groups", this::groups);
        m.post(r, "/crm/v3/properties/:type/groups", this::createGroup);
        m.get(r, "/crm/v3/properties/:type/groups/:name", this::group);
        m.post(r, "/crm/v3/properties/:type/batch/create", this::batchCreate);
        m.get(r, "/crm/v3/properties/:type", this::all);
        m.post(r, "/crm/v3/properties/:type", this::create);
        m.get(r, "/crm/v3/properties/:type/:name", this::one);
        m.patch(r, "/crm/v3/properties/:type/:name", this::update);
    }

    /** A partial update: the fields given replace the property's (options as a whole list, as HubSpot does). */
    private void update(RoutingContext ctx) {
        PropertyCatalog c = catalog(ctx);
        PropertyDef d = c.get(ctx.pathParam("name"));
        if (d == null) {
            throw ApiError.notFound("Unable to find property " + ctx.pathParam("name")).with("name", ctx.pathParam("name"));
        }
        if (d.hubspotDefined()) {
            throw ApiError.validation("Property " + d.name() + " is defined by HubSpot; its definition is read-only");
        }
        Reply.json(ctx, 200, PropertyJson.view(c.replace(PropertyJson.merge(d, Req.body(ctx)))));
    }

    private void all(RoutingContext ctx) {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        catalog(ctx).all().forEach(d -> results.add(PropertyJson.view(d)));
        Reply.json(ctx, 200, body);
    }

    private void one(RoutingContext ctx) {
        PropertyDef d = catalog(ctx).get(ctx.pathParam("name"));
        if (d == null) {
            throw ApiError.notFound("Unable to find property " + ctx.pathParam("name")).with("name", ctx.pathParam("name"));
        }
        Reply.json(ctx, 200, PropertyJson.view(d));
    }

    private void create(RoutingContext ctx) {
        PropertyCatalog c = catalog(ctx);
        Reply.json(ctx, 201, PropertyJson.view(c.add(PropertyJson.parse(Req.body(ctx), clock.millis()))));
    }

    private void batchCreate(RoutingContext ctx) {
        PropertyCatalog c = catalog(ctx);
        String startedAt = Instant.now(clock).toString();
        List<ObjectNode> results = new ArrayList<>();
        List<ObjectNode> errors = new ArrayList<>();
        for (JsonNode in : Req.inputs(Req.body(ctx))) {
            try {
                results.add(PropertyJson.view(c.add(PropertyJson.parse(in, clock.millis()))));
            } catch (ApiError e) {
                errors.add(Reply.batchError(e.with("name", Json.text(in, "name", ""))));
            }
        }
        ObjectNode body = Json.object().put("status", "COMPLETE");
        results.forEach(body.putArray("results")::add);
        if (!errors.isEmpty()) {
            body.put("numErrors", errors.size());
            errors.forEach(body.putArray("errors")::add);
        }
        body.put("startedAt", startedAt).put("completedAt", Instant.now(clock).toString());
        Reply.json(ctx, errors.isEmpty() ? 201 : 207, body);
    }

    private void groups(RoutingContext ctx) {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        catalog(ctx).groups().forEach(g -> results.add(PropertyJson.view(g)));
        Reply.json(ctx, 200, body);
    }

    private void group(RoutingContext ctx) {
        PropertyGroup g = catalog(ctx).group(ctx.pathParam("name"));
        if (g == null) {
            throw ApiError.notFound("Unable to find property group " + ctx.pathParam("name"));
        }
        Reply.json(ctx, 200, PropertyJson.view(g));
    }

    private void createGroup(RoutingContext ctx) {
        JsonNode b = Req.body(ctx);
        PropertyGroup g = new PropertyGroup(Json.required(b, "name").asText(), Json.required(b, "label").asText(),
                b.has("displayOrder") ? b.get("displayOrder").asInt() : -1);
        if (!g.name().matches("[a-z][a-z0-9_]*")) {
            throw ApiError.validation("Property group name '" + g.name() + "' must be lowercase letters, digits, '_'");
        }
        Reply.json(ctx, 201, PropertyJson.view(catalog(ctx).addGroup(g)));
    }

    private PropertyCatalog catalog(RoutingContext ctx) {
        return data.store(Req.type(ctx, "type")).catalog;
    }
}
