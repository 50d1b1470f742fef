package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The contact-only calls: merge two contacts, and GDPR (privacy) deletion. */
final class ContactsApi {
    private final CrmData data;

    ContactsApi(CrmData data) {
        this.data = data;
    }

    void mount(Router r, Routes.Mounter m) {
        m.post(r, "/crm/v3/objects/contacts/merge", this::merge);
        m.post(r, "/crm/v3/objects/contacts/gdpr-delete", this::gdprDelete);
    }

    private void merge(RoutingContext ctx) {
        JsonNode body = Req.body(ctx);
        long primary = Req.id(Json.required(body, "primaryObjectId").asText());
        long merged = Req.id(Json.required(body, "objectIdToMerge").asText());
        Snap s = data.merge(ObjectType.CONTACTS, primary, merged, Req.source(ctx));
        Reply.json(ctx, 200, Views.object(data.store(ObjectType.CONTACTS), s, null));
    }

    private void gdprDelete(RoutingContext ctx) {
        JsonNode body = Req.body(ctx);
        ObjectStore store = data.store(ObjectType.CONTACTS);
        String key = Json.required(body, "objectId").asText();
        Snap s = ObjectsApi.find(store, key, Json.text(body, "idProperty", null));
        if (s == null) {
            throw ApiError.notFound("Object not found.  objectId are usually numeric.").with("id", key);
        }
        data.privacyDelete(ObjectType.CONTACTS, s.id(), Req.source(ctx));
        Reply.empty(ctx);
    }
}
