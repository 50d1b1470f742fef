package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pipelines API's reads ({@code GET /crm/v3/pipelines/{objectType}} and {@code .../{pipelineId}}) for orders
 * and deals. Each type starts with HubSpot's "default" pipeline, whose stage ids are the stage property's options;
 * {@link HubSpotAdmin#addPipeline} adds one whose stages have internal ids (as real accounts' custom pipelines do).
 * A record's stage property holds a stage id, never a label.
 */
final class Pipelines {
    record Pipeline(String id, String label, Map<String, String> stages) {
    }

    private final Map<ObjectType, List<Pipeline>> byType = new LinkedHashMap<>();
    private final CrmData data;

    Pipelines(CrmData data) {
        this.data = data;
        byType.put(ObjectType.ORDERS, new CopyOnWriteArrayList<>(List.of(new Pipeline("default", "Orders pipeline",
                stages("open", "Open", "processed", "Processed", "shipped", "Shipped", "delivered", "Delivered",
                        "cancelled", "Cancelled", "refunded", "Refunded", "partially_refunded",
                        "Partially refunded")))));
        byType.put(ObjectType.DEALS, new CopyOnWriteArrayList<>(List.of(new Pipeline("default", "Sales Pipeline",
                stages("appointmentscheduled", "Appointment Scheduled", "qualifiedtobuy", "Qualified To Buy",
                        "presentationscheduled", "Presentation Scheduled", "decisionmakerboughtin",
                        "Decision Maker Bought-In", "contractsent", "Contract Sent", "closedwon", "Closed Won",
                        "closedlost", "Closed Lost")))));
    }

    /** Adds a pipeline; its stage ids become valid values of the type's stage property. */
    void add(ObjectType type, Pipeline pipeline) {
        List<Pipeline> pipelines = byType.get(type);
        if (pipelines == null) {
            throw new IllegalArgumentException(type.path + " have no pipelines");
        }
        pipelines.add(pipeline);
        data.store(type).catalog.addOptions(type == ObjectType.DEALS ? "dealstage" : "hs_pipeline_stage",
                List.copyOf(pipeline.stages().keySet()));
        if (type == ObjectType.DEALS) {
            data.store(type).catalog.addOptions("pipeline", List.of(pipeline.id()));
        }
    }

    void mount(Router r, Routes.Mounter m) {
        m.get(r, "/crm/v3/pipelines/:type", this::list);
        m.get(r, "/crm/v3/pipelines/:type/:pipelineId", this::one);
    }

    private void list(RoutingContext ctx) {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        of(ctx).forEach(p -> results.add(view(p)));
        Reply.json(ctx, 200, body);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("pipelineId");
        Pipeline p = of(ctx).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() ->
                ApiError.notFound("Unable to find pipeline " + id).with("pipelineId", id));
        Reply.json(ctx, 200, view(p));
    }

    private List<Pipeline> of(RoutingContext ctx) {
        ObjectType type = Req.type(ctx, "type");
        List<Pipeline> pipelines = byType.get(type);
        if (pipelines == null) {
            throw ApiError.validation("Object type " + type.path + " does not support pipelines")
                    .with("objectType", type.path);
        }
        return pipelines;
    }

    private static ObjectNode view(Pipeline p) {
        String epoch = "1970-01-01T00:00:00Z"; // default pipelines and their stages have createdAt = 0
        ObjectNode o = Json.object().put("id", p.id()).put("label", p.label()).put("displayOrder", 0)
                .put("archived", false).put("createdAt", epoch).put("updatedAt", epoch);
        ArrayNode stages = o.putArray("stages");
        int order = 0;
        for (Map.Entry<String, String> s : p.stages().entrySet()) {
            stages.addObject().put("id", s.getKey()).put("label", s.getValue()).put("displayOrder", order++)
                    .put("archived", false).put("createdAt", epoch).put("updatedAt", epoch)
                    .put("writePermissions", "CRM_PERMISSIONS_ENFORCEMENT").putObject("metadata");
        }
        return o;
    }

    private static Map<String, String> stages(String... idLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idLabel.length; i += 2) {
            m.put(idLabel[i], idLabel[i + 1]);
        }
        return m;
    }
}
