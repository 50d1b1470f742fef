package io.loyaltybridge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line: {@code bench [--contacts N] [--orders M] [--rate R] [--seconds S] [--db-url URL]}.
 * The defaults finish in a few minutes on two cores; the full run is {@code --contacts 100000 --orders 1000000}.
 */
public record BenchOptions(int contacts, int orders, int rate, int seconds, String dbUrl, long seed) {
    public static final String USAGE = "bench [--contacts N] [--orders M] [--rate R] [--seconds S] [--db-url URL]";

    public static BenchOptions defaults() {
        return new BenchOptions(10_000, 100_000, 200, 20, null, 7);
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
                case "--db-url" -> o = new BenchOptions(o.contacts, o.orders, o.rate, o.seconds, value, o.seed);
                default -> problems.add("unknown option '" + flag + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + ". Usage: " + USAGE);
        }
        return o;
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
        return new BenchOptions(n, orders, rate, seconds, dbUrl, seed);
    }

    public BenchOptions withOrders(int n) {
        return new BenchOptions(contacts, n, rate, seconds, dbUrl, seed);
    }

    public BenchOptions withRate(int n) {
        return new BenchOptions(contacts, orders, n, seconds, dbUrl, seed);
    }

    public BenchOptions withSeconds(int n) {
        return new BenchOptions(contacts, orders, rate, n, dbUrl, seed);
    }

    public BenchOptions withDbUrl(String url) {
        return new BenchOptions(contacts, orders, rate, seconds, url, seed);
    }
}
