package io.loyaltybridge.bench;

import java.util.List;

/**
 * Everything one benchmark run measured; {@link BenchTable} turns it into the printed table. {@code crms} holds one
 * entry per CRM loaded (Salesforce, HubSpot), each on its own fresh database of the same server.
 */
public record BenchResult(BenchOptions options, Durability durability, List<Crm> crms,
                          Recompute recompute) {

    /** The server's settings as a new session sees them: the figures hold only with both on. */
    public record Durability(String synchronousCommit, String fsync) {
    }

    /**
     * One CRM's figures: the generator's ceiling against it alone, its backfill and floor, calls, steady state, the
     * steps of the search for the breaking rate, and the final checks.
     */
    public record Crm(String name, double generatorCeiling, Backfill backfill, Floor floor, Calls calls, SteadyState.Result steady,
                      List<SteadyState.Result> steps, Checks checks) {
        public double backfillOverFloor() {
            return floor.nanos() == 0 ? Double.POSITIVE_INFINITY : (double) backfill.nanos() / floor.nanos();
        }

        /** The first step (the steady state itself included) that missed the 2 s target or lost orders. */
        public SteadyState.Result broke() {
            if (!steady.held()) {
                return steady;
            }
            return steps.stream().filter(s -> !s.held()).findFirst().orElse(null);
        }

        /** The highest rate that held, the steady state's included; null when even that did not. */
        public SteadyState.Result held() {
            SteadyState.Result best = steady.held() ? steady : null;
            for (SteadyState.Result s : steps) {
                if (!s.held()) {
                    break;
                }
                best = s;
            }
            return best;
        }
    }

    /** The initial load: records read, time from the app's start until every contact shows its fields. */
    public record Backfill(int contacts, long orders, long nanos, long heapSumOfPoolPeaks, long heapLiveAfterGc,
                           long heapMax) {
        public double seconds() {
            return nanos / 1e9;
        }

        public double recordsPerSecond() {
            return (contacts + orders) / Math.max(seconds(), 1e-9);
        }
    }

    /** COPY of every row the backfill left, table by table. */
    public record Floor(List<CopyFloor.Table> tables) {
        public long rows() {
            return CopyFloor.rows(tables);
        }

        public long nanos() {
            return CopyFloor.nanos(tables);
        }

        public double seconds() {
            return nanos() / 1e9;
        }
    }

    /**
     * Calls the CRM sandbox counted and contacts it stores differently afterwards: during the backfill, during one
     * poll round with nothing changed, and during the steady state (until every order showed and the outbox drained).
     */
    public record Calls(int perWrite, long backfillWrites, long backfillChanged, long noChangeWrites,
                        long noChangeChanged, long noChangeReads, long steadyReads, long steadyWrites,
                        long steadyChanged) {
        public static long minimum(long changed, int perCall) {
            return (changed + perCall - 1) / perCall;
        }
    }

    /** Both jobs over every member: tier assessment first, then segments and CLTV ({@code nanos} is the sum). */
    public record Recompute(long members, long orders, long tierNanos, long nanos) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    /** Facts that must hold whatever the speed. */
    public record Checks(long ordersInOrg, long ordersInCore, int ledgerMismatches, long contactsDisagreeing) {
    }
}
