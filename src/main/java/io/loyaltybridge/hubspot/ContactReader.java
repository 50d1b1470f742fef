package io.loyaltybridge.hubspot;

import io.loyaltybridge.sync.CrmReader;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.InboundContact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads contacts' loyalty properties by id (one batch read), for the side-by-side view. */
final class ContactReader implements CrmReader {
    private final HubSpotReads reads;
    private final FieldMap fields;

    ContactReader(HubSpotReads reads, FieldMap fields) {
        this.reads = reads;
        this.fields = fields;
    }

    @Override
    public String system() {
        return ContactMapper.SYSTEM;
    }

    @Override
    public FieldMap fieldMap() {
        return fields;
    }

    @Override
    public Map<String, Map<String, String>> read(List<String> ids) {
        // HubSpot record ids are numbers; anything else is not asked for.
        List<String> valid = ids.stream().filter(id -> id.matches("[0-9]{1,20}")).toList();
        Map<String, Map<String, String>> byId = new HashMap<>();
        if (!valid.isEmpty()) {
            for (InboundContact contact : reads.contacts(valid)) {
                byId.put(contact.externalId(), fields.observed(contact.loyaltyFields()));
            }
        }
        return byId;
    }
}
