package io.loyaltybridge.bench;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar loyaltybridge.jar bench}: the real app against the Salesforce and HubSpot sandboxes (Salesforce's
 * in its own JVM with {@code --sandbox-xmx}, in this one otherwise),
 * each CRM on a fresh database of the same server, measured phase by phase (see {@link CrmRun}) and printed as one
 * table; or, with {@code --growth}, backfill and recompute at several sizes (see {@link Growth}).
 */
public final class Bench {
    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    /** How long the generator alone is run to find its ceiling. */
    private static final int CEILING_SECONDS = 3;

    private Bench() {
    }

    public static BenchResult run(BenchOptions options, Path workDir, Map<String, String> overrides,
                                  Map<String, String> env, PrintStream out) {
        Path temp = tempDir();
        try (BenchDatabase server = BenchDatabase.open(options.dbUrl(), temp, env)) {
            BenchResult.Durability durability = new BenchResult.Durability(server.setting("synchronous_commit"),
                    server.setting("fsync"));
            if (!options.growth().isEmpty()) {
                List<Growth.Row> rows = Growth.run(options, server, workDir, temp, overrides, env, out);
                out.println();
                out.print(Growth.render(durability, rows));
                return new BenchResult(options, durability, List.of(), null);
            }
            List<BenchResult.Crm> crms = new ArrayList<>();
            BenchResult.Recompute recompute = null;
            if (options.loads("salesforce")) {
                CrmRun run = salesforce(options, server, workDir, temp, overrides, env, out, crms);
                recompute = run.recompute();
            }
            if (options.loads("hubspot")) {
                try (BenchDatabase db = server.sibling("loyalty_bench_hubspot")) {
                    CrmRun run = hubspot(options, db, workDir, temp, overrides, env, out, crms, recompute == null);
                    recompute = recompute == null ? run.recompute() : recompute;
                }
            }
            BenchResult result = new BenchResult(options, durability, crms, recompute);
            out.println();
            out.print(BenchTable.render(result));
            // What the API guard (token, rate limit, role) adds to each call, measured in-process.
            out.printf("API guard: %.1f µs per call (20 tokens, 40 routes)%n",
                    io.loyaltybridge.api.GuardCost.nanosPerCall(20, 40, 200_000) / 1000);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
    }

    private static CrmRun salesforce(BenchOptions options, BenchDatabase db, Path workDir, Path temp,
                                     Map<String, String> overrides, Map<String, String> env, PrintStream out,
                                     List<BenchResult.Crm> crms) {
        double ceiling = salesforceCeiling(options, temp);
        out.printf("Benchmark: seeding the Salesforce sandbox with %d contacts and %d orders...%n",
                options.contacts(), options.orders());
        try (SalesforcePeer sf = SalesforcePeer.start(options, options.contacts(), options.orders(), temp)) {
            int port = BenchApp.freePort();
            Map<String, String> settings = BenchApp.base(db, port, workDir, temp);
            settings.putAll(sf.settings());
            settings.putAll(overrides);
            CrmRun run = new CrmRun(options, sf.crm(), db, out);
            crms.add(run.run(ceiling, () -> Application.start(workDir, settings, sf.secrets(env)), true));
            return run;
        }
    }

    private static CrmRun hubspot(BenchOptions options, BenchDatabase db, Path workDir, Path temp,
                                  Map<String, String> overrides, Map<String, String> env, PrintStream out,
                                  List<BenchResult.Crm> crms, boolean withRecompute) {
        double ceiling = hubspotCeiling();
        int port = BenchApp.freePort();
        try (HubSpotSandbox hs = HubSpotSandbox.start(hubspotOptions()
                .webhookTarget(URI.create(BenchApp.webhookUrl(port))))) {
            out.printf("Benchmark: seeding the HubSpot sandbox with %d contacts and %d orders...%n",
                    options.contacts(), options.orders());
            BenchCrm crm = new HubSpotCrm(hs, hs.admin().seed(options.contacts(), options.orders()));
            Map<String, String> settings = BenchApp.base(db, port, workDir, temp);
            settings.putAll(BenchApp.hubspot(hs, port));
            settings.putAll(overrides);
            CrmRun run = new CrmRun(options, crm, db, out);
            crms.add(run.run(ceiling, () -> Application.start(workDir, settings, BenchApp.hubspotSecrets(env)),
                    withRecompute));
            return run;
        }
    }

    /** The generator alone against a Salesforce sandbox nobody else uses (a few contacts, no app). */
    private static double salesforceCeiling(BenchOptions options, Path temp) {
        // Where the run's sandbox will be (this JVM or its own), so the ceiling includes the same loopback hop.
        try (SalesforcePeer sf = SalesforcePeer.start(options.withSeed(1), 100, 0, temp)) {
            return Generator.ceiling(sf.crm(), CEILING_SECONDS);
        }
    }

    /** The same against HubSpot (no webhook target: the events have nowhere to go, as no app listens). */
    private static double hubspotCeiling() {
        try (HubSpotSandbox hs = HubSpotSandbox.start(hubspotOptions())) {
            return Generator.ceiling(new HubSpotCrm(hs, hs.admin().seed(100, 0)), CEILING_SECONDS);
        }
    }

    private static io.loyaltybridge.sandbox.hubspot.SandboxOptions hubspotOptions() {
        return io.loyaltybridge.sandbox.hubspot.SandboxOptions.defaults().token(BenchApp.HUBSPOT_TOKEN)
                .appSecret(BenchApp.HUBSPOT_SECRET);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("loyaltybridge-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Benchmark could not remove {}: {}", dir, e.getMessage());
        }
    }
}
