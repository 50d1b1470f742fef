package io.loyaltybridge.salesforce;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a Change Data Capture event as the Pub/Sub API delivers it (Avro). {@code changedFields} arrive
 * as bitmaps over the event schema's field positions ("0x..." for top-level fields, "{index}-0x..." for the parts
 * of a compound field such as Name); they are decoded to names here, compound parts as {@code Name.FirstName}.
 */
record ChangeEvent(String changeType, List<String> recordIds, String changeOrigin, List<String> changedFields,
                   long commitTimestamp, String transactionKey) {

    static ChangeEvent of(GenericRecord event) {
        GenericRecord header = (GenericRecord) event.get("ChangeEventHeader");
        List<String> ids = new ArrayList<>();
        for (Object id : list(header.get("recordIds"))) {
            ids.add(id.toString());
        }
        Object origin = header.get("changeOrigin");
        Object commit = header.get("commitTimestamp");
        Object transaction = header.get("transactionKey");
        return new ChangeEvent(header.get("changeType").toString(), ids, origin == null ? "" : origin.toString(),
                decode(event.getSchema(), list(header.get("changedFields"))),
                commit instanceof Number n ? n.longValue() : 0L, transaction == null ? "" : transaction.toString());
    }

    boolean isUpdate() {
        return changeType.equals("UPDATE");
    }

    boolean isDelete() {
        return changeType.equals("DELETE") || changeType.equals("GAP_DELETE");
    }

    /** A GAP_OVERFLOW event names no records: too much changed at once, only a full catch-up can tell what. */
    boolean isOverflow() {
        return changeType.equals("GAP_OVERFLOW");
    }

    static List<String> decode(Schema schema, List<?> bitmaps) {
        List<String> names = new ArrayList<>();
        for (Object bitmap : bitmaps) {
            String text = bitmap.toString();
            int dash = text.indexOf('-');
            if (dash < 0) {
                addSetBits(names, "", schema, new BigInteger(text.substring(2), 16));
            } else {
                Schema.Field parent = schema.getFields().get(Integer.parseInt(text.substring(0, dash)));
                Schema compound = recordOf(parent.schema());
                if (compound != null) {
                    addSetBits(names, parent.name() + ".", compound, new BigInteger(text.substring(dash + 3), 16));
                }
            }
        }
        return names;
    }

    private static void addSetBits(List<String> names, String prefix, Schema schema, BigInteger bits) {
        for (int i = 0; i < bits.bitLength() && i < schema.getFields().size(); i++) {
            if (bits.testBit(i)) {
                names.add(prefix + schema.getFields().get(i).name());
            }
        }
    }

    private static Schema recordOf(Schema schema) {
        if (schema.getType() == Schema.Type.RECORD) {
            return schema;
        }
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() == Schema.Type.RECORD).findFirst().orElse(null);
        }
        return null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
