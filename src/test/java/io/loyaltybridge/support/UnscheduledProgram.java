package io.loyaltybridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A copy of a program file whose scheduled jobs never come due during a test. Quartz fires the jobs on the machine's
 * own clock, so a test that moves the app's clock a year ahead and counts CRM calls would otherwise see, whenever the
 * suite crosses an hour, the pending-release job legitimately release that year's points and push them too.
 */
public final class UnscheduledProgram {
    /** A valid Quartz cron (with its optional year field) that never fires while the suite runs. */
    public static final String NEVER = "0 0 0 1 1 ? 2099";
    private static final Pattern JOB_LINE = Pattern.compile("^(\\s+\\w+:\\s*)\"[^\"]*\"(.*)$");

    private UnscheduledProgram() {
    }

    public static Path of(Path programFile) {
        try {
            List<String> out = new ArrayList<>();
            boolean inJobs = false;
            for (String line : Files.readAllLines(programFile)) {
                if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                    inJobs = line.startsWith("jobs:");
                }
                var job = JOB_LINE.matcher(line);
                out.add(inJobs && job.matches() ? job.group(1) + '"' + NEVER + '"' + job.group(2) : line);
            }
            Path copy = Files.createTempFile("program-unscheduled", ".yaml");
            copy.toFile().deleteOnExit();
            return Files.write(copy, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
