package io.loyaltybridge.web;

import io.loyaltybridge.app.SandboxMode;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.Workspaces;

import java.nio.file.Path;
import java.util.Map;

/**
 * The app in sandbox mode for the browser tests: a small generated shop with no orders arriving meanwhile, both
 * sandbox CRMs polled every second or two so the first sync is over quickly.
 */
final class SmallShop {
    private SmallShop() {
    }

    static SandboxMode start(Path workDir, int customers, int orders, Map<String, String> env) throws Exception {
        return SandboxMode.start(Workspaces.copy(workDir), Map.of(
                "camel.server.port", Integer.toString(TestApp.freePort()),
                "loyalty.sandbox.customers", Integer.toString(customers),
                "loyalty.sandbox.orders", Integer.toString(orders), "loyalty.sandbox.orders-per-minute", "0",
                "loyalty.salesforce.poll.period-seconds", "2", "loyalty.hubspot.poll-interval-ms", "1000"), env);
    }

    /** Closes what was started, the browser first; either may be null when the start failed part-way. */
    static void close(Browser browser, SandboxMode sandbox) {
        if (browser != null) {
            browser.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
