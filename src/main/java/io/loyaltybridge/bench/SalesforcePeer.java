package io.loyaltybridge.bench;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;

import java.nio.file.Path;
import java.util.Map;

/**
 * A seeded Salesforce sandbox the benchmark points the app at, wherever it runs: in the benchmark's own JVM (quick,
 * for small runs), or in a JVM of its own ({@link SandboxProcess}), so that a million sandbox orders do not share the
 * heap whose peak the benchmark reports as the app's.
 */
record SalesforcePeer(BenchCrm crm, Map<String, String> settings, String clientId, String clientSecret,
                      Runnable stop) implements AutoCloseable {

    /** {@code options.sandboxXmx()} set: in its own JVM with that heap; otherwise in this one. */
    static SalesforcePeer start(BenchOptions options, int contacts, int orders, Path temp) {
        if (options.sandboxXmx() != null) {
            return SandboxProcess.start(options.sandboxXmx(), contacts, orders, options.seed(), temp);
        }
        SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults());
        try {
            BenchCrm crm = new SalesforceCrm(sf, sf.seed(contacts, orders, options.seed()));
            return new SalesforcePeer(crm, BenchApp.salesforce(sf), sf.options().clientId(),
                    sf.options().clientSecret(), sf::close);
        } catch (RuntimeException e) {
            sf.close();
            throw e;
        }
    }

    /** The environment with the sandbox's client credentials laid over it, as the app reads its secrets. */
    Map<String, String> secrets(Map<String, String> env) {
        return BenchApp.secrets(clientId, clientSecret, env);
    }

    @Override
    public void close() {
        stop.run();
    }
}
