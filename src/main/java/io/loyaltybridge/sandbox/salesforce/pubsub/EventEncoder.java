package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.loyaltybridge.sandbox.salesforce.data.ChangeEvent;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes a change event as the Avro binary payload a Pub/Sub subscriber receives. */
final class EventEncoder {
    private EventEncoder() {
    }

    static byte[] encode(CdcSchemas.EntitySchema es, ChangeEvent e) {
        Schema schema = es.schema();
        GenericRecord event = new GenericData.Record(schema);
        event.put("ChangeEventHeader", header(schema, e));
        for (Map.Entry<String, Object> v : e.values().entrySet()) {
            put(schema, event, v.getKey(), v.getValue());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static GenericRecord header(Schema schema, ChangeEvent e) {
        Schema hs = schema.getField("ChangeEventHeader").schema();
        GenericRecord h = new GenericData.Record(hs);
        h.put("entityName", e.entityName());
        h.put("recordIds", e.recordIds());
        h.put("changeType", new GenericData.EnumSymbol(hs.getField("changeType").schema(), e.changeType()));
        h.put("changeOrigin", e.changeOrigin());
        h.put("transactionKey", e.transactionKey());
        h.put("sequenceNumber", e.sequenceNumber());
        h.put("commitTimestamp", e.commitTimestamp());
        h.put("commitNumber", e.commitNumber());
        h.put("commitUser", e.commitUser());
        h.put("nulledFields", Bitmaps.encode(schema, e.nulledFields()));
        h.put("diffFields", List.of());
        h.put("changedFields", Bitmaps.encode(schema, e.changedFields()));
        return h;
    }

    /** Top-level fields go in directly; parts of a compound field go into its nested record. */
    private static void put(Schema schema, GenericRecord event, String name, Object value) {
        if (schema.getField(name) != null) {
            event.put(name, value);
            return;
        }
        for (Schema.Field parent : schema.getFields()) {
            Schema record = Bitmaps.recordOf(parent.schema());
            if (record != null && record.getField(name) != null && !parent.name().equals("ChangeEventHeader")) {
                GenericRecord nested = (GenericRecord) event.get(parent.pos());
                if (nested == null) {
                    nested = new GenericData.Record(record);
                    event.put(parent.pos(), nested);
                }
                nested.put(name, value);
            }
        }
    }
}
