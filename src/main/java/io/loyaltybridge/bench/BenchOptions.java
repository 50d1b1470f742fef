package io.loyaltybridge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line (see {@link #USAGE}). The defaults finish in a few minutes on two cores; the issue's
 * sizes are runs of the growth mode, {@code --growth 2000/20000,10000/100000} and, by hand with {@code -Xmx512m},
 * {@code --growth 100000/1000000}.
 */
public record BenchOptions(int contacts, int orders, int rate, int seconds, String dbUrl, long seed, String crm,
                           int stepSeconds, List<Size> growth, int maxSteps, String sandboxXmx) {
    public static final String USAGE = "bench [--contacts N] [--orders M] [--rate R] [--seconds S]"
            + " [--crm salesforce|hubspot|both] [--step-seconds T] [--max-steps K] [--db-url URL]"
            + " | bench --growth C/O[,C/O...] [--db-url URL]"
            + " (either: [--sandbox-xmx SIZE], the Salesforce sandbox in its own JVM with that heap, e.g. 6g)";

    /** One growth run's contacts and orders. */
    public record Size(int contacts, int orders) {
    }

    public static BenchOptions defaults() {
        return new BenchOptions(1_000, 10_000, 200, 60, null, 7, "both", 10, List.of(), 6, null);
    }

    /** Parses the arguments after {@code bench}; every problem is listed at once. */
    public static BenchOptions parse(List<String> args) {
        BenchOptions o = defaults();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                problems.add(flag + " needs a value");
                break;
            }
            String value = args.get(++i);
            switch (flag) {
                case "--contacts" -> o = o.withContacts(number(flag, value, 1, 10_000_000, problems, o.contacts));
                case "--orders" -> o = o.withOrders(number(flag, value, 0, 100_000_000, problems, o.orders));
                case "--rate" -> o = o.withRate(number(flag, value, 1, 10_000, problems, o.rate));
                case "--seconds" -> o = o.withSeconds(number(flag, value, 0, 86_400, problems, o.seconds));
                case "--step-seconds" -> o = o.withStepSeconds(number(flag, value, 0, 3_600, problems,
                        o.stepSeconds));
                case "--max-steps" -> o = o.withMaxSteps(number(flag, value, 0, 20, problems, o.maxSteps));
                case "--crm" -> o = o.withCrm(crm(value, problems, o.crm));
                case "--growth" -> o = o.withGrowth(sizes(value, problems));
                case "--db-url" -> o = o.withDbUrl(value);
                case "--sandbox-xmx" -> o = o.withSandboxXmx(heapSize(value, problems));
                default -> problems.add("unknown option '" + flag + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + ". Usage: " + USAGE);
        }
        return o;
    }

    public boolean loads(String crmName) {
        return crm.equals("both") || crm.equalsIgnoreCase(crmName);
    }

    private static String crm(String value, List<String> problems, String fallback) {
        if (List.of("salesforce", "hubspot", "both").contains(value)) {
            return value;
        }
        problems.add("--crm must be salesforce, hubspot or both, not '" + value + "'");
        return fallback;
    }

    private static List<Size> sizes(String value, List<String> problems) {
        List<Size> sizes = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] co = part.strip().split("/");
            if (co.length != 2) {
                problems.add("--growth takes contacts/orders pairs like 2000/20000, not '" + part + "'");
                continue;
            }
            sizes.add(new Size(number("--growth contacts", co[0], 1, 10_000_000, problems, 1),
                    number("--growth orders", co[1], 0, 100_000_000, problems, 0)));
        }
        return List.copyOf(sizes);
    }

    private static int number(String flag, String value, int min, int max, List<String> problems, int fallback) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the other problems
        }
        problems.add(flag + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
        return fallback;
    }

    public BenchOptions withContacts(int n) {
        return new BenchOptions(n, orders, rate, seconds, dbUrl, seed, crm, stepSeconds, growth, maxSteps, sandboxXmx);
    }

    public BenchOptions withOrders(int n) {
        return new BenchOptions(contacts, n, rate, seconds, dbUrl, seed, crm, stepSeconds,
                growth, maxSteps, sandboxXmx);
    }

    public BenchOptions withRate(int n) {
        return new BenchOptions(contacts, orders, n, seconds, dbUrl, seed, crm, stepSeconds,
                growth, maxSteps, sandboxXmx);
    }

    public BenchOptions withSeconds(int n) {
        return new BenchOptions(contacts, orders, rate, n, dbUrl, seed, crm, stepSeconds, growth, maxSteps, sandboxXmx);
    }

    public BenchOptions withDbUrl(String url) {
        return new BenchOptions(contacts, orders, rate, seconds, url, seed, crm, stepSeconds,
                growth, maxSteps, sandboxXmx);
    }

    public BenchOptions withCrm(String c) {
        return new BenchOptions(contacts, orders, rate, seconds, dbUrl, seed, c, stepSeconds,
                growth, maxSteps, sandboxXmx);
    }

    /** Seconds per step of the search for the breaking rate; 0 skips it. */
    public BenchOptions withStepSeconds(int n) {
        return new BenchOptions(contacts, orders, rate, seconds, dbUrl, seed, crm, n, growth, maxSteps, sandboxXmx);
    }

    public BenchOptions withGrowth(List<Size> sizes) {
        return new BenchOptions(contacts, orders, rate, seconds, dbUrl, seed, crm, stepSeconds,
                sizes, maxSteps, sandboxXmx);
    }

    /** At most this many doublings of the rate in the search for the breaking rate. */
    public BenchOptions withMaxSteps(int n) {
        return new BenchOptions(contacts, orders, rate, seconds, dbUrl, seed, crm, stepSeconds, growth, n, sandboxXmx);
    }

    public BenchOptions withSeed(long s) {
        return new BenchOptions(contacts, orders, rate, seconds, dbUrl, s, crm, stepSeconds, growth, maxSteps,
                sandboxXmx);
    }

    /** The Salesforce sandbox in its own JVM with this -Xmx (e.g. "6g"), so its org does not share the app's heap. */
    public BenchOptions withSandboxXmx(String xmx) {
        return new BenchOptions(contacts, orders, rate, seconds, dbUrl, seed, crm, stepSeconds, growth, maxSteps, xmx);
    }

    private static String heapSize(String value, List<String> problems) {
        if (value.strip().matches("\\d+[kmgKMG]")) {
            return value.strip();
        }
        problems.add("--sandbox-xmx takes a heap size like 6g or 4096m, not '" + value + "'");
        return null;
    }
}
