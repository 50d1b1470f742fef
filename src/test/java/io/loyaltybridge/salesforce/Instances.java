package io.loyaltybridge.salesforce;

import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.CoreView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * App processes (the real main, in child JVMs) with the Salesforce connector on one sandbox org and one database,
 * and the checks the crash and cluster scenarios end with, read from the test's side.
 */
final class Instances implements AutoCloseable {
    final SalesforceSandbox sf;
    final Harness config;
    final CoreView core;
    private final List<AppProcess> started = new ArrayList<>();

    Instances(SalesforceSandbox sf) {
        this.sf = sf;
        this.config = new Harness(sf); // only its database and settings: the app runs in the child processes
        this.core = new CoreView(config.databaseUrl);
    }

    AppProcess start(String name, Map<String, String> extra) {
        return start(name, extra, Map.of());
    }

    /** With more secrets in its environment than Salesforce's (another connector's). */
    AppProcess start(String name, Map<String, String> extra, Map<String, String> moreSecrets) {
        Map<String, String> secrets = new java.util.HashMap<>(config.secrets());
        secrets.putAll(moreSecrets);
        AppProcess app = AppProcess.start(name, config.settings(extra), secrets);
        started.add(app);
        return app;
    }

    long points(String contactId) {
        return core.points(ContactRecords.SYSTEM, contactId);
    }

    /** Core and org agree with {@code expected} for every contact, nothing waits in the outbox, the ledger adds up. */
    void awaitConverged(Map<String, Long> expected, Duration within) {
        try {
            Harness.await("core and Salesforce agree on " + expected.size() + " contacts", () ->
                    core.outboxDepth(ContactRecords.SYSTEM) == 0 && expected.entrySet().stream().allMatch(e ->
                            points(e.getKey()) == e.getValue() && shown(e.getKey())), within);
        } catch (AssertionError e) {
            StringBuilder state = new StringBuilder(e.getMessage());
            expected.forEach((id, points) -> {
                if (points(id) != points || !shown(id)) {
                    state.append("\n  ").append(id).append(" expected ").append(points).append(", core ")
                            .append(points(id)).append(", Salesforce ").append(sf.admin().field(id, "Loyalty_Points__c"));
                }
            });
            started.forEach(app -> state.append("\n  console: ").append(app.consoleFile().toAbsolutePath()));
            throw new AssertionError(state.toString(), e);
        }
        assertThat(core.ledgerMismatches()).isEmpty();
    }

    private boolean shown(String contactId) {
        Member member = core.member(ContactRecords.SYSTEM, contactId).orElse(null);
        if (member == null) {
            return false;
        }
        Map<String, Object> contact = sf.admin().read(contactId);
        return contact.get("Loyalty_Points__c") instanceof Number n && n.longValue() == points(contactId)
                && Long.toString(member.id().value()).equals(contact.get("Loyalty_Member_Id__c"));
    }

    @Override
    public void close() {
        started.forEach(AppProcess::close);
        core.close();
    }
}
