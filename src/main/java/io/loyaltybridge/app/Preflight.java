package io.loyaltybridge.app;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.app.program.ProgramFileException;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.hubspot.HubSpotModule;
import io.loyaltybridge.salesforce.SalesforceModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Every check that needs nothing running, done before anything starts (database, sandboxes, Camel): the
 * configuration, the secrets, the program file and the routes folder. All problems are gathered and reported in one
 * error, so a broken start costs seconds and one round of fixes, not a migration and a seeded shop per problem.
 */
record Preflight(Properties properties, String routes, Config config, ApiToken token,
                 List<io.loyaltybridge.api.TokenBook.Entry> tokens,
                 Program program) {

    /** Runs every check; throws one {@link StartupException} listing every problem found. */
    static Preflight check(Path workDir, Map<String, String> overrides, Map<String, String> env) {
        Workspace workspace = new Workspace(workDir);
        // Without the file there is nothing else to check against: that one problem is reported alone.
        Properties properties = workspace.properties(overrides);
        List<String> problems = new ArrayList<>();
        String routes = attempt(problems, workspace::routesPattern);
        // Invalid values are listed and replaced by defaults, so the checks below still run.
        Config config = Config.load(properties, env, problems);
        ApiToken token = attempt(problems, () -> ApiToken.from(config));
        List<io.loyaltybridge.api.TokenBook.Entry> tokens = token == null ? null
                : attempt(problems, () -> ApiTokens.all(token, config));
        if (config.get(ClusterSettings.ENABLED) && config.get(Settings.DB_URL) == null) {
            problems.add(ClusterSettings.ENABLED.name() + " = true needs a shared database: set "
                    + Settings.DB_URL.name() + " (the embedded PostgreSQL serves one instance only)");
        }
        problems.addAll(SalesforceModule.problems(config));
        problems.addAll(HubSpotModule.problems(config));
        Path programFile = workDir.resolve(config.get(Settings.PROGRAM_FILE));
        Program program = attempt(problems, () -> loadProgram(programFile));
        if (!problems.isEmpty()) {
            throw StartupException.of(problems);
        }
        return new Preflight(properties, routes, config, token, tokens, program);
    }

    private static <T> T attempt(List<String> problems, Supplier<T> check) {
        try {
            return check.get();
        } catch (StartupException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static Program loadProgram(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StartupException("missing program file " + file + " (set " + Settings.PROGRAM_FILE.name() + ")");
        }
        try {
            return ProgramFile.load(file);
        } catch (ProgramFileException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}
