package io.loyaltybridge.sync;

import java.util.List;
import java.util.Map;

/**
 * Reads what a CRM shows in our mapped fields, live, for the side-by-side view (core versus CRM). Values come back
 * canonical, as {@link FieldMap#observed} makes them, so they compare with the core's as the pusher compares them.
 */
public interface CrmReader {
    String system();

    FieldMap fieldMap();

    /** Record id → mapped field → canonical value; records the CRM does not have are absent. */
    Map<String, Map<String, String>> read(List<String> externalIds) throws Exception;
}
