package io.loyaltybridge.recompute;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds spent by this JVM and by the test's PostgreSQL server (the postmaster, its reaped children such as
 * parallel workers, and its live backends) since {@link #start}: on a machine shared with other work, wall-clock
 * time says little, CPU time says what the recompute costs. Linux only (/proc); elsewhere it reports "n/a".
 */
final class CpuClock {
    private static final double TICKS = 100.0; // USER_HZ on Linux
    private final double jvm;
    private final double postgres;

    private CpuClock(double jvm, double postgres) {
        this.jvm = jvm;
        this.postgres = postgres;
    }

    static CpuClock start() {
        return new CpuClock(jvmSeconds(), postgresSeconds());
    }

    String since() {
        double pg = postgresSeconds();
        return pg < 0 ? "n/a" : String.format("java %.2f s + postgres %.2f s", jvmSeconds() - jvm, pg - postgres);
    }

    private static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double postgresSeconds() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(io.loyaltybridge.support.TestPostgres.DATA_DIR.resolve("postmaster.pid")).get(0));
            double total = ticks(postmaster, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(p);
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        total += ticks(Long.parseLong(p.getFileName().toString()), false);
                    }
                }
            }
            return total / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime (+ cutime + cstime: children that ended) of a process, in ticks. */
    private static double ticks(long pid, boolean withChildren) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            return 0;
        }
        double own = Double.parseDouble(stat[11]) + Double.parseDouble(stat[12]);
        return withChildren ? own + Double.parseDouble(stat[13]) + Double.parseDouble(stat[14]) : own;
    }

    /** The fields of /proc/pid/stat after the command name (field 3, the state, first); null if it is gone. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
