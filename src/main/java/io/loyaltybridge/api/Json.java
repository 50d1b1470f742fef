package io.loyaltybridge.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The API's one JSON mapper: exact decimals in, duplicate keys and anything after the value refused, plain values
 * out. The read limits are far above what any request of the API needs (its deepest body nests 4 levels) and far
 * below what could exhaust the stack or the CPU: a hostile body fails fast as a 400.
 */
final class Json {
    /** Nesting depth of objects and arrays a body may have. */
    static final int MAX_DEPTH = 32;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(100)
                    .maxStringLength(1_000_000)
                    .build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** Reads what the app stored itself (exports, dead letters): trusted, so only the default limits apply. */
    private static final ObjectMapper STORED = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    /** Stored JSON text as a tree, to embed in an answer as JSON rather than as a string. */
    static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return STORED.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is not valid", e);
        }
    }
}
