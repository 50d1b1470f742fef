package io.loyaltybridge.bench;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -cp loyaltybridge.jar io.loyaltybridge.bench.SandboxPeer --contacts N --orders M --seed S} (its own
 * main, so the jar's command dispatch stays as it is): a Salesforce sandbox seeded
 * with a generated org, served on loopback in a JVM of its own, as the benchmark's {@link SandboxProcess} starts it.
 * When ready it prints one line, {@value #READY} followed by its addresses; it stops when its standard input closes,
 * so it never outlives the benchmark that started it, however that one ends.
 */
public final class SandboxPeer {
    static final String READY = "LOYALTYBRIDGE-SANDBOX-PEER READY";
    public static final String USAGE = "SandboxPeer --contacts N --orders M [--seed S]";

    private SandboxPeer() {
    }

    public static void main(String[] args) {
        List<String> a = List.of(args);
        int contacts = Integer.parseInt(value(a, "--contacts", null));
        int orders = Integer.parseInt(value(a, "--orders", null));
        long seed = Long.parseLong(value(a, "--seed", "7"));
        System.exit(serve(contacts, orders, seed, System.in, System.out));
    }

    static int serve(int contacts, int orders, long seed, InputStream stdin, PrintStream out) {
        long start = System.nanoTime();
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults())) {
            SalesforceCrm crm = new SalesforceCrm(sf, sf.seed(contacts, orders, seed));
            try (CrmControl control = new CrmControl(crm)) {
                out.printf(Locale.ROOT, "%s control=%d login=%s api=%s pubsub=%d client-id=%s client-secret=%s"
                                + " seeded-seconds=%.1f%n", READY, control.port(), sf.loginUrl(),
                        sf.options().apiVersion(), sf.pubSubPort(), sf.options().clientId(),
                        sf.options().clientSecret(), (System.nanoTime() - start) / 1e9);
                out.flush();
                drain(stdin);
            }
        }
        return 0;
    }

    /** Blocks until the parent closes our standard input, or dies (its end of the pipe closes with it). */
    private static void drain(InputStream stdin) {
        try {
            while (stdin.read() >= 0) {
                // nothing is said on this channel; its end is the signal
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }

    private static String value(List<String> args, String flag, String fallback) {
        int i = args.indexOf(flag);
        if (i >= 0 && i + 1 < args.size()) {
            return args.get(i + 1);
        }
        if (fallback == null) {
            throw new IllegalArgumentException(flag + " is missing. Usage: " + USAGE);
        }
        return fallback;
    }
}
