package io.loyaltybridge.api;

import io.loyaltybridge.sync.LogSafe;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberService;
import io.loyaltybridge.sync.CrmReader;
import io.loyaltybridge.sync.CrmReaders;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/members/{id}/crm}: what each connected CRM shows on the member's record, read live, beside what the
 * core would show there, and whether they agree. Lets anyone see that the CRM has converged to the core.
 */
public final class CrmApi {
    private static final Logger LOG = LoggerFactory.getLogger(CrmApi.class);
    private final ApiGuard guard;
    private final MemberService members;
    private final LoyaltyProfiles profiles;
    private final CrmReaders readers;

    public CrmApi(ApiGuard guard, MemberService members, LoyaltyProfiles profiles, CrmReaders readers) {
        this.guard = guard;
        this.members = members;
        this.profiles = profiles;
        this.readers = readers;
    }

    public void crm(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            List<CrmIdentity> identities = members.profile(id).member().identities();
            LoyaltyProfile core = profiles.of(List.of(id)).get(id);
            Map<String, Object> systems = new LinkedHashMap<>();
            for (CrmIdentity identity : identities) {
                readers.of(identity.system()).ifPresent(reader ->
                        systems.putIfAbsent(identity.system(), side(reader, identity.externalId(), core)));
            }
            return Reply.ok(Map.of("memberId", id.value(), "systems", systems));
        });
    }

    private static Map<String, Object> side(CrmReader reader, String recordId, LoyaltyProfile core) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recordId", recordId);
        Map<String, String> expected = reader.fieldMap().valuesOf(core);
        try {
            Map<String, String> shown = reader.read(List.of(recordId)).get(recordId);
            view.put("fields", shown);
            view.put("core", expected);
            view.put("agree", shown != null && expected.entrySet().stream()
                    .allMatch(e -> Objects.equals(e.getValue(), shown.get(e.getKey()))));
        } catch (Exception e) {
            LOG.warn("Reading {} record for the side-by-side view failed: {}", reader.system(), LogSafe.describe(e));
            view.put("core", expected);
            view.put("error", reader.system() + " could not be read: " + e.getClass().getSimpleName());
        }
        return view;
    }
}
