package io.loyaltybridge.bench;

/** Everything one benchmark run measured; {@link BenchTable} turns it into the printed table. */
public record BenchResult(BenchOptions options, Backfill backfill, Floor floor, Calls calls, SteadyState.Result steady,
                          Recompute recompute, Checks checks) {

    /** The initial load: records read, time from the app's start until every contact shows its fields. */
    public record Backfill(int contacts, int orders, long nanos, long heapSumOfPoolPeaks, long heapLiveAfterGc,
                           long heapMax) {
        public double seconds() {
            return nanos / 1e9;
        }

        public double recordsPerSecond() {
            return (contacts + orders) / Math.max(seconds(), 1e-9);
        }
    }

    /** COPY of as many ledger rows as the backfill wrote. */
    public record Floor(long ledgerRows, long nanos) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    /** Salesforce write calls and contacts changed, as the sandbox counted and stored them. */
    public record Calls(long backfillWrites, long backfillChanged, long noChangeWrites, long noChangeChanged,
                        long noChangeReads) {
        public static long minimum(long changed, int perCall) {
            return (changed + perCall - 1) / perCall;
        }
    }

    /** Both jobs over every member: tier assessment first, then segments and CLTV ({@code nanos} is the sum). */
    public record Recompute(long members, long tierNanos, long nanos) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    /** Facts that must hold whatever the speed. */
    public record Checks(long ordersInOrg, long ordersInCore, int ledgerMismatches, long contactsDisagreeing) {
    }

    public double backfillOverFloor() {
        return floor.nanos() == 0 ? Double.POSITIVE_INFINITY : (double) backfill.nanos() / floor.nanos();
    }
}
