package io.loyaltybridge.app.whatif;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Settings;
import io.loyaltybridge.app.Workspace;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.app.program.ProgramFileException;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.PgWhatIfHistory;
import io.loyaltybridge.store.Transactions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code what-if --program candidate.yaml [--from DATE] [--db-url URL] [--csv FILE]}: replays the stored history
 * under the program in force ({@code loyalty.program.file}) and the candidate, prints the comparison and writes every
 * member's figures as CSV. It only reads: the database (the configured one, or {@code --db-url}) in a read-only
 * transaction, and no CRM is contacted. Exit code 0, 2 for bad arguments or a bad candidate.
 */
public final class WhatIfCommand {
    public static final String USAGE = "what-if --program candidate.yaml [--from YYYY-MM-DD] [--db-url JDBC-URL]"
            + " [--csv FILE (default what-if.csv)]";

    record Options(Path program, LocalDate from, String dbUrl, Path csv) {
        static Options parse(List<String> args) {
            Path program = null;
            LocalDate from = null;
            String dbUrl = null;
            Path csv = Path.of("what-if.csv");
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value. Usage: " + USAGE);
                }
                String value = args.get(++i);
                switch (flag) {
                    case "--program" -> program = Path.of(value);
                    case "--from" -> from = day(value);
                    case "--db-url" -> dbUrl = value;
                    case "--csv" -> csv = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag + ". Usage: " + USAGE);
                }
            }
            if (program == null) {
                throw new IllegalArgumentException("--program is required. Usage: " + USAGE);
            }
            return new Options(program, from, dbUrl, csv);
        }

        private static LocalDate day(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--from must be a day such as 2026-01-01, not " + value);
            }
        }
    }

    private WhatIfCommand() {
    }

    /** Says how far the run got every few seconds while it runs (the replay of a large history takes minutes). */
    private static WhatIfRun withProgress(WhatIfRun run, PrintStream err, java.util.function.Supplier<WhatIfRun> work) {
        java.util.concurrent.ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "what-if-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> err.println("what-if: " + run.done() + " of "
                + Math.max(0, run.total()) + " orders settled under both programs"), 5, 5, TimeUnit.SECONDS);
        try {
            return work.get();
        } finally {
            ticker.shutdownNow();
        }
    }

    /** Runs the command; what it prints goes to {@code out}, problems to {@code err}; answers the exit code. */
    public static int run(List<String> args, Path workDir, Map<String, String> overrides, Map<String, String> env,
                          PrintStream out, PrintStream err) {
        Options options;
        byte[] candidate;
        try {
            options = Options.parse(args);
            candidate = Files.readAllBytes(workDir.resolve(options.program()));
        } catch (IllegalArgumentException e) {
            err.println("what-if: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("what-if: cannot read the candidate program: " + e.getMessage());
            return 2;
        }
        Config config;
        Path inForceFile;
        Program inForce;
        try {
            config = Config.load(new Workspace(workDir).properties(overrides), env);
            inForceFile = workDir.resolve(config.get(Settings.PROGRAM_FILE));
            inForce = ProgramFile.load(inForceFile);
        } catch (RuntimeException e) {
            err.println("what-if: the program in force cannot be loaded: " + e.getMessage());
            return 2;
        }
        String url = options.dbUrl() != null ? options.dbUrl() : config.get(Settings.DB_URL);
        try (Database database = url != null
                ? Database.connect(url, config.secret("LOYALTY_DB_USER"), config.secret("LOYALTY_DB_PASSWORD"), 2)
                : Database.embedded(workDir.resolve(config.get(Settings.DATA_DIR)),
                config.get(Settings.EMBEDDED_DB_PORT), 2)) {
            WhatIfRuns runs = new WhatIfRuns(inForce, Files.readAllBytes(inForceFile),
                    new PgWhatIfHistory(new Transactions(database.dataSource()), inForce.zone()), Clock.systemUTC());
            WhatIfRuns.Prepared prepared;
            try {
                prepared = runs.prepare(candidate, options.from(), "command line");
            } catch (ProgramFileException bad) {
                err.println("what-if: " + options.program() + " is not a valid program (nothing was replayed):");
                bad.problems().forEach(p -> err.println("  " + p.field() + ": " + p.message()));
                return 2;
            }
            err.println("what-if: replaying " + database.description() + " ...");
            WhatIfRun run = withProgress(prepared.run(), err, () -> runs.runHere(prepared));
            if (run.state() != WhatIfRun.State.SUCCEEDED) {
                err.println("what-if: failed: " + run.error());
                return 1;
            }
            Files.writeString(workDir.resolve(options.csv()),
                    WhatIfCsv.of(run.comparison(), WhatIfCsv.digits(inForce.currency().code())));
            out.print(WhatIfTable.of(run, inForce.currency().code()));
            out.println("\nEvery member, both programs: " + workDir.resolve(options.csv()));
            return 0;
        } catch (IOException | RuntimeException e) {
            // A configuration, program file or database that cannot be used: said in one line, as at start.
            err.println("what-if: " + e.getMessage());
            return 1;
        }
    }
}
