package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.support.Http;

import java.util.Iterator;

/** For tests of a member linked in both sandboxes: whether each CRM's record shows exactly the core's values. */
final class BothCrmsAgree {
    private BothCrmsAgree() {
    }

    /** True once the member has a Salesforce and a HubSpot record and every one agrees with the core. */
    static boolean on(Http http, long member) {
        JsonNode systems = http.get("/api/members/" + member + "/crm").json().get("systems");
        if (systems == null || !systems.has("salesforce") || !systems.has("hubspot")) {
            return false;
        }
        for (Iterator<JsonNode> it = systems.elements(); it.hasNext(); ) {
            if (!it.next().path("agree").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
