package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.CallCounters;
import io.loyaltybridge.sandbox.Faults;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.sandbox.salesforce.data.OrgData;

import java.util.concurrent.atomic.AtomicLong;

/** What every endpoint of the sandbox shares: the org, its identity, sessions, faults and counters. */
public final class Peer {
    public final SandboxOptions options;
    public final OrgData org;
    public final Sessions sessions;
    public final Faults faults;
    public final CallCounters calls;
    public final String orgId;
    public final String userId;
    public final AtomicLong apiUsage = new AtomicLong();
    public final QueryCursors cursors = new QueryCursors();
    public final BulkJobs bulkJobs = new BulkJobs();
    /** Platform events published through the REST API, in order, with the fields as received. */
    public final java.util.List<java.util.Map<String, Object>> publishedEvents =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String loginUrl;
    private volatile String instanceUrl;

    public Peer(SandboxOptions options, OrgData org, Sessions sessions, Faults faults, CallCounters calls,
                String orgId, String userId) {
        this.options = options;
        this.org = org;
        this.sessions = sessions;
        this.faults = faults;
        this.calls = calls;
        this.orgId = orgId;
        this.userId = userId;
    }

    void urls(String login, String instance) {
        this.loginUrl = login;
        this.instanceUrl = instance;
    }

    public String loginUrl() {
        return loginUrl;
    }

    public String instanceUrl() {
        return instanceUrl;
    }

    /** The value of {@code Sforce-Limit-Info}, e.g. {@code api-usage=18/100000}. */
    public String limitInfo() {
        return "api-usage=" + apiUsage.get() + "/" + options.apiLimit();
    }
}
