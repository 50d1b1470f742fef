package io.loyaltybridge.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.domain.program.segments.SegmentStore.Assigned;

import java.util.List;

/**
 * A batch of computed segments as one jsonb array of rows (for jsonb_to_recordset), so a batch is saved with one
 * statement whatever its size. Segment names are written sorted, as they are stored.
 */
final class SegmentRowsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SegmentRowsJson() {
    }

    static Sql.Json of(List<Assigned> batch) {
        ArrayNode rows = MAPPER.createArrayNode();
        for (Assigned a : batch) {
            ObjectNode row = rows.addObject();
            row.put("member_id", a.member().value());
            if (a.rfm() != null) {
                row.put("recency", a.rfm().recency());
                row.put("frequency", a.rfm().frequency());
                row.put("monetary", a.rfm().monetary());
            }
            row.put("rfm_segment", a.rfmSegment());
            ArrayNode names = row.putArray("segments");
            a.segments().stream().sorted().forEach(names::add);
            row.put("churn_risk", a.churnRisk());
            row.put("preferred_category", a.preferredCategory());
            row.put("cltv_historic", a.cltvHistoric());
            row.put("cltv_predicted", a.cltvPredicted());
        }
        return new Sql.Json(rows.toString());
    }
}
