package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Contest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The contests section of the program file: the shipped example, how dates are read, and every problem listed. */
class ContestsConfigTest {
    private static final Path EXAMPLE = Path.of("config/program.yaml");

    private static String withContests(String contests) throws IOException {
        String example = Files.readString(EXAMPLE);
        int at = example.indexOf("\ncontests:\n");
        int jobs = example.indexOf("\n# Scheduled jobs");
        return example.substring(0, at + 1) + contests + example.substring(jobs);
    }

    private static Program parse(String yaml) {
        return ProgramFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static List<String> problemsOf(String yaml) {
        ProgramFileException e = catchThrowableOfType(ProgramFileException.class, () -> parse(yaml));
        assertThat(e).as("the file should be refused").isNotNull();
        return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    @Test
    void the_shipped_example_declares_one_points_contest_over_march_in_the_program_time_zone() {
        Program program = ProgramFile.load(EXAMPLE);
        Contest sprint = program.contest("spring-sprint-2027").orElseThrow();
        assertThat(sprint.measure()).isEqualTo(Contest.Measure.POINTS);
        assertThat(sprint.start()).isEqualTo(Instant.parse("2027-02-28T23:00:00Z"));
        assertThat(sprint.end()).as("the end date is the last day in: the contest ends at the next midnight, Paris")
                .isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
        assertThat(sprint.minimum()).isEqualByComparingTo("100");
        assertThat(sprint.prizeFor(1).orElseThrow().badge()).isEqualTo("spring-champion");
        assertThat(sprint.prizeFor(3).orElseThrow().points()).isEqualTo(300);
        assertThat(sprint.prizeFor(4)).isEmpty();
        assertThat(sprint.prizedRanks()).isEqualTo(3);
        assertThat(program.jobs().contestClose()).isEqualTo("0 20 * * * ?");
    }

    @Test
    void a_date_and_time_is_read_in_the_program_zone_unless_it_carries_an_offset() throws IOException {
        Program program = parse(withContests("""
                contests:
                  - name: flash
                    start: 2027-05-01T09:00
                    end: 2027-05-01T18:00:00Z
                    measure: spend
                    minimum: 49.90
                    participants: {tiers: [gold, vip], segments: [shoe-lovers]}
                    prizes: [{rank: 1, points: 50}]
                """));
        Contest flash = program.contest("flash").orElseThrow();
        assertThat(flash.start()).isEqualTo(Instant.parse("2027-05-01T07:00:00Z"));
        assertThat(flash.end()).isEqualTo(Instant.parse("2027-05-01T18:00:00Z"));
        assertThat(flash.minimum()).isEqualByComparingTo(new BigDecimal("49.90"));
        assertThat(flash.tiers()).containsExactlyInAnyOrder("gold", "vip");
        assertThat(flash.segments()).containsExactly("shoe-lovers");
    }

    @Test
    void every_problem_of_the_contests_section_is_listed_with_its_path() throws IOException {
        List<String> problems = problemsOf(withContests("""
                contests:
                  - name: Bad Name
                    start: 2027-13-01
                    end: 2027-03-01
                    measure: likes
                    prizes: []
                  - name: twice
                    start: 2027-03-10
                    end: 2027-03-01
                    measure: orders
                    minimum: 1.5
                    tieBreak: coin_toss
                    participants: {tiers: [platinum], segments: [nobody], age: 3}
                    prizes:
                      - {rank: 1, toRank: 3, points: 10}
                      - {rank: 3, points: 5, badge: "no spaces"}
                      - {rank: 5}
                      - {rank: 7, toRank: 6, points: 1, colour: red}
                  - name: twice
                    end: 2027-04-01
                    measure: referrals
                    prizes: [{rank: 0, points: -1}]
                """));
        assertThat(problems).contains(
                "contests[0].name: must be 1 to 64 lower-case letters, digits or '-' (it is used in URLs and keys)",
                "contests[0].start: must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM, optionally"
                        + " with an offset such as Z or +02:00)",
                "contests[0].measure: must be one of points, orders, spend, referrals",
                "contests[0].prizes: needs at least one prize",
                "contests[1].end: must be after start",
                "contests[1].minimum: must be a whole number for the measure orders",
                "contests[1].tieBreak: must be one of earlier_to_reach",
                "contests[1].participants.age: unknown key (known keys: tiers, segments)",
                "contests[1].prizes[1].rank: ranks 3-3 overlap another prize's ranks 1-3",
                "contests[1].prizes[1].badge: must be 1 to 64 letters, digits, '.', '_' or '-'",
                "contests[1].prizes[2]: a prize needs points, a badge or both",
                "contests[1].prizes[3].toRank: must not be below rank",
                "contests[2].name: duplicates another contest's name",
                "contests[2].start: is required",
                "contests[2].prizes[0].rank: must be between 1 and 10000",
                "contests[2].prizes[0].points: must be between 0 and 10000000");
        assertThat(problems).anyMatch(p -> p.startsWith("contests[1].prizes[3].colour: unknown key"));
        assertThat(problems).anyMatch(p -> p.startsWith("contests[1].participants.tiers: unknown tier 'platinum'"));
        assertThat(problems).anyMatch(p -> p.startsWith("contests[1].participants.segments: unknown segment 'nobody'"));
    }

    @Test
    void a_program_without_contests_loads_with_none_and_the_default_close_schedule() throws IOException {
        String example = Files.readString(EXAMPLE);
        String without = example.substring(0, example.indexOf("\ncontests:\n") + 1)
                + example.substring(example.indexOf("\n# Scheduled jobs")).replace("  contestClose: \"0 20 * * * ?\"\n",
                "");
        Program program = parse(without);
        assertThat(program.contests()).isEmpty();
        assertThat(program.jobs().contestClose()).isEqualTo("0 20 * * * ?");
    }
}
