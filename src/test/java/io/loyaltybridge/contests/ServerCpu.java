package io.loyaltybridge.contests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds the test PostgreSQL server spent: its postmaster (with the children it reaped: finished parallel
 * workers) and its live children (the backends). On a machine shared with other builds, wall time says more about
 * the load than about a statement; the server's CPU time says what the statement cost.
 */
final class ServerCpu {
    private static final Path PID_FILE = io.loyaltybridge.support.TestPostgres.DATA_DIR.resolve("postmaster.pid");
    private final long postmaster;
    private final long ticksPerSecond;

    private ServerCpu(long postmaster, long ticksPerSecond) {
        this.postmaster = postmaster;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The meter, or null where /proc or the pid file is not there (then only wall times are printed). */
    static ServerCpu find() {
        try {
            long pid = Long.parseLong(Files.readAllLines(PID_FILE).get(0).trim());
            return Files.isDirectory(Path.of("/proc", Long.toString(pid))) ? new ServerCpu(pid, 100) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Seconds so far: the postmaster's own and reaped children's, plus every live child's own. */
    double seconds() {
        long ticks = ticks(postmaster, true);
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path p : all.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> stat = stat(p);
                if (stat != null && Long.parseLong(stat.get(3)) == postmaster) {
                    ticks += Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / (double) ticksPerSecond;
    }

    private static long ticks(long pid, boolean withChildren) {
        List<String> stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            return 0;
        }
        long own = Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
        return withChildren ? own + Long.parseLong(stat.get(15)) + Long.parseLong(stat.get(16)) : own;
    }

    /** The fields of /proc/pid/stat from the state on (index 2), after the command name in parentheses. */
    private static List<String> stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            String rest = line.substring(line.lastIndexOf(')') + 2);
            List<String> fields = new java.util.ArrayList<>(List.of("pid", "comm"));
            fields.addAll(List.of(rest.split(" ")));
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
