package io.loyaltybridge.sandbox.salesforce.pubsub;

import org.apache.avro.Schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bitmap encoding of {@code changedFields}, {@code nulledFields} and {@code diffFields} in Pub/Sub change
 * events: the first string sets bit i for the i-th top-level field of the schema ({@code "0x650004E0"}); a field
 * nested in a compound field is written {@code "<compound index>-0x<bitmap of its sub-fields>"}.
 */
public final class Bitmaps {
    private Bitmaps() {
    }

    /** Encodes flat field names (FirstName, Email) against the event schema. */
    public static List<String> encode(Schema schema, List<String> fieldNames) {
        if (fieldNames.isEmpty()) {
            return List.of();
        }
        BigInteger top = BigInteger.ZERO;
        Map<Integer, BigInteger> nested = new LinkedHashMap<>();
        for (String name : fieldNames) {
            Schema.Field f = schema.getField(name);
            if (f != null) {
                top = top.setBit(f.pos());
                continue;
            }
            for (Schema.Field parent : schema.getFields()) {
                Schema record = recordOf(parent.schema());
                if (record != null && record.getField(name) != null && !parent.name().equals("ChangeEventHeader")) {
                    nested.merge(parent.pos(), BigInteger.ZERO.setBit(record.getField(name).pos()), BigInteger::or);
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(hex(top));
        nested.forEach((pos, bits) -> out.add(pos + "-" + hex(bits)));
        return out;
    }

    /** Decodes bitmaps back to names; nested fields come out as {@code Name.FirstName}, as Salesforce's tools do. */
    public static List<String> decode(Schema schema, List<? extends CharSequence> bitmaps) {
        List<String> names = new ArrayList<>();
        for (CharSequence cs : bitmaps) {
            String s = cs.toString();
            int dash = s.indexOf('-');
            if (dash < 0) {
                BigInteger bits = new BigInteger(s.substring(2), 16);
                for (int i = 0; i < bits.bitLength(); i++) {
                    if (bits.testBit(i)) {
                        names.add(schema.getFields().get(i).name());
                    }
                }
            } else {
                Schema.Field parent = schema.getFields().get(Integer.parseInt(s.substring(0, dash)));
                Schema record = recordOf(parent.schema());
                BigInteger bits = new BigInteger(s.substring(dash + 3), 16);
                for (int i = 0; i < bits.bitLength(); i++) {
                    if (bits.testBit(i)) {
                        names.add(parent.name() + "." + record.getFields().get(i).name());
                    }
                }
            }
        }
        return names;
    }

    private static String hex(BigInteger bits) {
        return "0x" + bits.toString(16).toUpperCase();
    }

    static Schema recordOf(Schema s) {
        if (s.getType() == Schema.Type.RECORD) {
            return s;
        }
        if (s.getType() == Schema.Type.UNION) {
            for (Schema branch : s.getTypes()) {
                if (branch.getType() == Schema.Type.RECORD) {
                    return branch;
                }
            }
        }
        return null;
    }
}
