package io.loyaltybridge.app;

import io.loyaltybridge.api.ApiGuard;
import io.loyaltybridge.api.AuditTrail;
import io.loyaltybridge.api.CrmApi;
import io.loyaltybridge.api.GrantsApi;
import io.loyaltybridge.api.HttpFront;
import io.loyaltybridge.api.JobsApi;
import io.loyaltybridge.api.KpisApi;
import io.loyaltybridge.api.MembersApi;
import io.loyaltybridge.api.OpenApiDocument;
import io.loyaltybridge.api.OrdersApi;
import io.loyaltybridge.api.PrivacyApi;
import io.loyaltybridge.api.ProgramApi;
import io.loyaltybridge.api.RewardsApi;
import io.loyaltybridge.api.SyncApi;
import io.loyaltybridge.api.TierGrantsApi;
import io.loyaltybridge.domain.kpi.ProgramKpis;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.hubspot.HubSpotModule;
import io.loyaltybridge.notify.Channel;
import io.loyaltybridge.notify.NotificationsModule;
import io.loyaltybridge.notify.NotifySettings;
import io.loyaltybridge.salesforce.SalesforceModule;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.store.PgKpis;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.DeadLetterReplay;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.web.GatedHttpServerFactory;
import io.loyaltybridge.web.StartGate;
import io.loyaltybridge.web.StatusPage;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/**
 * Wires the core and starts it: configuration, database, domain services, then Camel Main with the routes from
 * {@code routes/}. Tests start it exactly as {@code main} does; {@link #close()} stops everything in reverse.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final Main camel;
    private final String host;
    private final int port;
    private final ApiToken token;
    private final Core core;
    private final SyncMetrics metrics;
    private final StartGate gate;

    private Application(Database database, Main camel, String host, int port, ApiToken token, Core core,
                        SyncMetrics metrics, StartGate gate) {
        this.database = database;
        this.camel = camel;
        this.host = host;
        this.port = port;
        this.gate = gate;
        this.token = token;
        this.core = core;
        this.metrics = metrics;
    }

    /** The registry Prometheus scrapes (created by camel-micrometer-prometheus when Camel starts). */
    private static MeterRegistry meterRegistry(Main camel) {
        MeterRegistry registry = camel.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            throw new StartupException("metrics are not available: set camel.metrics.enabled = true");
        }
        return registry;
    }

    public static Application start(Path workDir, Map<String, String> overrides, Map<String, String> env) {
        return start(workDir, overrides, env, Clock.systemUTC());
    }

    /** Starts with a given clock: tests move time forward without waiting for it. */
    public static Application start(Path workDir, Map<String, String> overrides, Map<String, String> env,
                                    Clock clock) {
        Preflight checked = Preflight.check(workDir, overrides, env);
        io.loyaltybridge.app.log.KnownNoise.appRunning();
        Properties properties = checked.properties();
        String routes = checked.routes();
        Config config = checked.config();
        ApiToken token = checked.token();
        var tokens = new io.loyaltybridge.api.TokenBook(checked.tokens());
        Program program = checked.program();
        LOG.info("Program '{}' loaded from {} (rule version {})", program.name(),
                config.get(Settings.PROGRAM_FILE).getFileName(), program.version());
        token.announce();

        Database database = openDatabase(config, workDir);
        try {
            Core core = Core.assemble(database.dataSource(), program, clock, NotifySettings.options(config),
                    new io.loyaltybridge.sync.SettleLanes(config.get(Settings.SETTLE_PARTITIONS)),
                    ShownSegmentFields.of(config));
            ApiGuard guard = new ApiGuard(tokens, new ApiGuard.Limits(config.get(AccessSettings.RATE_PER_SECOND),
                    config.get(AccessSettings.RATE_BURST), config.get(AccessSettings.SUPPORT_ADJUSTMENT_LIMIT)),
                    config.get(Settings.MAX_BODY_BYTES), new AuditTrail(core.transactions()));

            Main camel = new Main();
            // The port opens before Camel adds the routes: until they are all started it answers 503, not 404.
            StartGate gate = new StartGate();
            camel.bind("mainHttpServerFactory", new GatedHttpServerFactory(gate));
            if (config.get(ClusterSettings.ENABLED)) {
                camel.bind("quartz", ClusteredQuartz.component(database.dataSource(), config));
            }
            Properties camelProperties = new Properties();
            camelProperties.putAll(properties);
            // The transport refuses far larger bodies outright; the API's own limit answers with a problem body.
            camelProperties.setProperty("camel.server.maxBodySize",
                    Long.toString(4L * config.get(Settings.MAX_BODY_BYTES)));
            camelProperties.putAll(jobProperties(program));
            // Health and metrics answer on the API's port unless the file gives the management server its own.
            camelProperties.putIfAbsent("camel.management.port", Integer.toString(config.get(Settings.SERVER_PORT)));
            camelProperties.setProperty("camel.server.host", config.get(Settings.SERVER_HOST));
            camelProperties.putIfAbsent("camel.management.host", config.get(Settings.SERVER_HOST));
            camel.setInitialProperties(camelProperties);
            camel.configure().withRoutesIncludePattern(routes);
            HttpFront.installOnStart(camel, guard);
            camel.bind("programJobs", core.jobs());
            camel.bind("databaseHealthCheck", new DatabaseHealthCheck(database.dataSource()));
            camel.bind("syncApi", syncApi(guard, core));
            camel.bind("crmApi", new CrmApi(guard, core.memberService(), core.profiles(), core.crmReaders()));
            Map<String, Channel> notifiers = new java.util.HashMap<>();
            notifiers.put("salesforce", SalesforceModule.wire(camel, core, config));
            notifiers.put("hubspot", HubSpotModule.wire(camel, core, config));
            notifiers.values().removeIf(java.util.Objects::isNull);
            NotificationsModule.wire(camel, core, config, guard, workDir, notifiers);
            for (String system : core.crmReaders().systems()) {
                camel.bind("crmHealthCheck-" + system, new CrmHealthCheck(system, core.transactions(),
                        core.syncStores(), core.apiBudgets()));
            }
            camel.bind("ordersApi", new OrdersApi(guard, core.ledgerService()));
            camel.bind("accessApi", new io.loyaltybridge.api.AccessApi(guard,
                    config.get(AccessSettings.SUPPORT_ADJUSTMENT_LIMIT)));
            MembersApi membersApi = new MembersApi(guard, core.memberService(), core.ledgerService(),
                    core.standings(), core.memberJoin(), core.engine().redemptions(), core.tierGrants(),
                    config.get(Settings.PAGE_SIZE));
            camel.bind("membersApi", membersApi);
            // The console's member search and member page (issue 17).
            camel.bind("memberSearchApi", new io.loyaltybridge.api.MemberSearchApi(guard, membersApi,
                    core.transactions(), program.tiers().lowest().name()));
            camel.bind("memberHistoryApi", new io.loyaltybridge.api.MemberHistoryApi(guard, core.transactions(),
                    program.zone(), config.get(Settings.PAGE_SIZE)));
            camel.bind("tierGrantsApi", new TierGrantsApi(guard, core.tierGrants()));
            camel.bind("jobsApi", new JobsApi(guard, core.jobs(), core.jobRuns(), core.transactions(), program.jobs(),
                    program.zone()));
            camel.bind("grantsApi", new GrantsApi(guard, core.engine().grants()));
            camel.bind("rewardsApi", new RewardsApi(guard, program, core.engine().redemptions()));
            camel.bind("programApi", new ProgramApi(guard, program, core.engine().leaderboards(), clock));
            // The what-if compares candidates with the program file in force, replayed over this database.
            var whatIfRuns = new io.loyaltybridge.app.whatif.WhatIfRuns(program,
                    readProgramFile(workDir.resolve(config.get(Settings.PROGRAM_FILE))),
                    new io.loyaltybridge.store.PgWhatIfHistory(core.transactions(), program.zone()), clock);
            camel.bind("whatIfApi", new io.loyaltybridge.api.WhatIfApi(guard, whatIfRuns, program.currency().code()));
            camel.bind("statusPage", StatusPage.shipped());
            camel.bind("openApiDocument", new OpenApiDocument());
            camel.bind("privacyApi", new PrivacyApi(guard, core.transactions(), core.standings(),
                    config.get(Settings.PAGE_SIZE)));
            var kpiQueries = new PgKpis(core.transactions(), program);
            var programKpis = new ProgramKpis(core.transactions(), kpiQueries, program, clock);
            camel.bind("kpisApi", new KpisApi(guard, programKpis, program.currency().code()));
            camel.bind("reportApi", new io.loyaltybridge.api.ReportApi(guard, programKpis,
                    new io.loyaltybridge.domain.kpi.ProgramReport(core.transactions(), kpiQueries,
                            new io.loyaltybridge.store.PgReport(core.transactions(), program), program, clock),
                    program));
            camel.bind("feedbackApi", new io.loyaltybridge.api.FeedbackApi(guard, core.feedback(), core.transactions(),
                    new io.loyaltybridge.store.PgFeedbackSummary(core.transactions(), program), clock));
            camel.bind("contestsApi", new io.loyaltybridge.api.ContestsApi(guard, new io.loyaltybridge.domain.program
                    .contests.Contests(program, core.transactions(), new io.loyaltybridge.store.PgContestStandings(
                    core.transactions(), program), new io.loyaltybridge.store.PgContestPrizes(core.transactions()),
                    core.members(), clock), config.get(Settings.PAGE_SIZE)));
            try (ClusteredQuartz.Turn turn = ClusteredQuartz.startTurn(database.dataSource(), config)) {
                camel.start();
            }
            if (!camel.getCamelContext().isStarted()) {
                throw new StartupException("Camel did not start; see the log above");
            }
            SyncMetrics metrics = new SyncMetrics(meterRegistry(camel), core.transactions(), core.syncStores(),
                    core.clock());
            OperatorMetrics.bind(meterRegistry(camel), camel.getCamelContext(), database.dataSource());
            gate.open();
            Application app = new Application(database, camel, config.get(Settings.SERVER_HOST),
                    config.get(Settings.SERVER_PORT), token, core, metrics, gate);
            LOG.info("LoyaltyBridge is up: API at {} ({} routes); authenticate with 'Authorization: Bearer <token>' ({})",
                    app.baseUrl() + "/api", camel.getCamelContext().getRoutesSize(), token.origin());
            // The fragment (#token=) never leaves the browser; a token chosen in the environment is not printed.
            io.loyaltybridge.app.log.Console.out("LoyaltyBridge status page: " + app.baseUrl() + "/"
                    + (token.generated() ? "#token=" + token.value() : " (enter the token from LOYALTY_API_TOKEN)"));
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e instanceof StartupException ? e : new StartupException("cannot start: " + e.getMessage(), e);
        }
    }

    private static SyncApi syncApi(ApiGuard guard, Core core) {
        OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService(),
                core.clock(), core.settleLanes());
        ContactIngest contacts = new ContactIngest(core.transactions(), core.syncStores(), Map.of(), orders);
        return new SyncApi(guard, core.transactions(), core.syncStores(),
                new DeadLetterReplay(core.transactions(), core.syncStores(), contacts, orders), core.progress(),
                core.apiBudgets(), core.clock());
    }

    /** The program's job schedules as the placeholders routes/jobs.camel.yaml uses (cron with '+' for spaces). */
    private static Map<String, String> jobProperties(Program program) {
        var jobs = program.jobs();
        return Map.of("loyalty.jobs.time-zone", program.zone().getId(),
                "loyalty.jobs.pending-release.cron", jobs.pendingRelease().replace(' ', '+'),
                "loyalty.jobs.expiry.cron", jobs.expiry().replace(' ', '+'),
                "loyalty.jobs.tier-assessment.cron", jobs.tierAssessment().replace(' ', '+'),
                "loyalty.jobs.segments-and-cltv.cron", jobs.segmentsAndCltv().replace(' ', '+'),
                "loyalty.jobs.birthday-bonus.cron", jobs.birthdayBonus().replace(' ', '+'),
                "loyalty.jobs.contest-close.cron", jobs.contestClose().replace(' ', '+'));
    }

    /** The program file's bytes, which the what-if compares a candidate with (it loaded a moment ago). */
    private static byte[] readProgramFile(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new StartupException("cannot read the program file again: " + e.getMessage(), e);
        }
    }

    private static Database openDatabase(Config config, Path workDir) {
        String url = config.get(Settings.DB_URL);
        int pool = config.get(Settings.DB_POOL_SIZE);
        Database database;
        try {
            database = url != null
                    ? Database.connect(url, config.secret("LOYALTY_DB_USER"), config.secret("LOYALTY_DB_PASSWORD"), pool)
                    : Database.embedded(workDir.resolve(config.get(Settings.DATA_DIR)),
                            config.get(Settings.EMBEDDED_DB_PORT), pool);
        } catch (RuntimeException e) {
            // The usual cause of a locked data folder: another LoyaltyBridge already runs from this directory.
            throw new StartupException("cannot open the database: " + e.getMessage(), e);
        }
        try {
            return database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new StartupException("database not usable (" + database.description() + "): " + e.getMessage(), e);
        }
    }

    /** Where the API answers: localhost when it listens on every interface or on loopback, else its address. */
    public String baseUrl() {
        boolean local = host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")
                || host.equals("localhost");
        return "http://" + (local ? "localhost" : host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public String apiToken() {
        return token.value();
    }

    public LedgerCheck ledgerCheck() {
        return core.ledgerCheck();
    }

    public Core core() {
        return core;
    }

    @Override
    public void close() {
        gate.close();
        io.loyaltybridge.app.log.KnownNoise.appStopping();
        // Backfills and first syncs run for minutes inside one exchange: they end at their next page, so that
        // Camel's routes stop gracefully within camel.main.shutdownTimeout instead of being forced.
        core.progress().stopAll();
        metrics.close();
        try {
            camel.stop();
        } finally {
            database.close();
        }
    }
}
