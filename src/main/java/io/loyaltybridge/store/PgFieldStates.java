package io.loyaltybridge.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each CRM record last acknowledged (after a push) or showed us (when we read it), field by field, so the
 * pusher sends only fields whose value differs.
 */
public final class PgFieldStates {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private final Sql sql;

    public PgFieldStates(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Known field values by external id; records never seen are absent. */
    public Map<String, Map<String, String>> get(String system, List<String> externalIds) {
        Map<String, Map<String, String>> states = new HashMap<>();
        sql.list("SELECT external_id, fields::text FROM crm_field_state WHERE system = ? AND external_id = ANY (?)",
                row -> states.put(row.getString(1), read(row.getString(2))), system,
                new Sql.TextArray(externalIds.toArray(String[]::new)));
        return states;
    }

    /** Merges these values into what the records are known to hold (a null value means the field is empty). */
    public void record(String system, Map<String, Map<String, String>> fieldsById) {
        if (fieldsById.isEmpty()) {
            return;
        }
        // One statement for the whole batch: {id: {field: value}} unpacked by jsonb_each.
        sql.update("INSERT INTO crm_field_state (system, external_id, fields) SELECT ?, key, value"
                + " FROM jsonb_each(?) ON CONFLICT (system, external_id) DO UPDATE SET"
                + " fields = crm_field_state.fields || excluded.fields, acknowledged_at = now()",
                system, write(fieldsById));
    }

    private static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, FIELDS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("crm_field_state holds invalid JSON", e);
        }
    }

    private static Sql.Json write(Object fields) {
        try {
            return new Sql.Json(MAPPER.writeValueAsString(fields));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
