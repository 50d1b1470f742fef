package io.loyaltybridge.store;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running PostgreSQL server found through the {@code postmaster.pid} file it keeps in its data folder (line 1: its
 * pid, line 4: its port), and stopped with its own {@code pg_ctl}, which sits beside the {@code postgres} binary.
 */
record Postmaster(Path files, ProcessHandle process, int port) {
    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    /** A fast stop writes a checkpoint; on a loaded machine with a large cache that can take a while. */
    private static final int STOP_WAIT_SECONDS = 120;

    /** The server running on {@code files}, if its pid file names a live postgres process. */
    static Optional<Postmaster> running(Path files) {
        Path pidFile = files.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException absent) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        int port;
        try {
            pid = Long.parseLong(lines.get(0).strip());
            port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : 0;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A pid file left by a crash may name a pid the OS has since given to another program, even to another
        // PostgreSQL: only a postgres started on these files counts.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                        .orElse(true))
                .filter(p -> p.info().arguments().map(args -> servesFiles(args, files)).orElse(true))
                .map(p -> new Postmaster(files, p, port));
    }

    private static boolean servesFiles(String[] args, Path files) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-D")) {
                return Path.of(args[i + 1]).toAbsolutePath().normalize().equals(files.toAbsolutePath().normalize());
            }
        }
        return true;
    }

    /** Called only while holding the owner lock: a server running then was left by an app that is gone. */
    void stopLeftBehind() {
        LOG.warn("A PostgreSQL (pid {}, port {}) was left running on {} by a LoyaltyBridge that did not stop; stopping"
                + " it cleanly before starting", process.pid(), port, files);
        stop("stopping the one left running");
    }

    /** pg_ctl stop -m fast: sessions are ended, committed data is checkpointed, the pid file is removed. */
    void stop(String doing) {
        try {
            Optional<String> refused = pgCtlStop();
            if (refused.isPresent()) {
                LOG.warn("pg_ctl could not stop PostgreSQL (pid {}): {}; asking it with SIGTERM", process.pid(),
                        refused.get());
                // SIGTERM is PostgreSQL's "smart" stop: it waits for open sessions, and ours are closed by now.
                process.destroy();
            }
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while " + doing + " (PostgreSQL pid " + process.pid() + ")", e);
        } catch (Exception e) {
            throw new StoreException("PostgreSQL (pid " + process.pid() + ") on " + files + " did not stop within "
                    + STOP_WAIT_SECONDS + " s while " + doing + "; stop it, then start again", e);
        }
    }

    /** Runs pg_ctl stop; empty when it stopped the server, else why not. */
    private Optional<String> pgCtlStop() throws IOException, InterruptedException {
        Optional<Path> pgCtl = process.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty()) {
            return Optional.of("pg_ctl not found beside the server's binary");
        }
        List<String> command = new ArrayList<>();
        // PostgreSQL's tools refuse to run as root; the library starts them in a user namespace then, and so do we.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.get().toString(), "stop", "-D", files.toString(), "-m", "fast", "-w", "-t",
                Integer.toString(STOP_WAIT_SECONDS)));
        Process ctl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!ctl.waitFor(STOP_WAIT_SECONDS + 10L, TimeUnit.SECONDS)) {
            ctl.destroyForcibly();
            return Optional.of("no answer within " + STOP_WAIT_SECONDS + " s");
        }
        return ctl.exitValue() == 0 ? Optional.empty() : Optional.of(output);
    }
}
