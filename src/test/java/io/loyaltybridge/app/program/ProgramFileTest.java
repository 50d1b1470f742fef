package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.EarnCalculator;
import io.loyaltybridge.domain.program.earning.MemberContext;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.tiers.Tiers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgramFileTest {
    private static final Path EXAMPLE = Path.of("config/program.yaml");

    private static String example() throws IOException {
        return Files.readString(EXAMPLE);
    }

    private static List<String> problemsOf(String yaml) {
        ProgramFileException e = catchThrowableOfType(ProgramFileException.class,
                () -> ProgramFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
        assertThat(e).as("the file should be refused").isNotNull();
        return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    @Test
    void the_shipped_example_program_loads_with_every_section() throws IOException {
        Program program = ProgramFile.load(EXAMPLE);
        assertEquals("Acme Rewards", program.name());
        assertEquals(ZoneId.of("Europe/Paris"), program.zone());
        assertEquals(ProgramFile.versionOf(Files.readAllBytes(EXAMPLE)), program.version());
        assertThat(program.version()).matches("sha256:[0-9a-f]{12}");
        assertThat(program.tiers().levels()).extracting(Tiers.TierLevel::name)
                .containsExactly("bronze", "silver", "gold", "vip");
        assertEquals(Tiers.VipMode.FLOOR, program.tiers().vip().mode());
        assertEquals(Expiry.ExpiryModel.FIXED_MONTHS, program.expiry().model());
        assertThat(program.earning().campaigns()).hasSize(2);
        assertThat(program.earning().categoryMultipliers()).containsKey("shoes");
        assertThat(program.rewards()).hasSize(2);
        assertThat(program.badges()).hasSize(4);
        assertThat(program.segments().custom()).hasSize(2);
        assertThat(program.offers()).hasSize(3);
        assertThat(program.events()).hasSize(3);
        assertEquals("0 5 0 * * ?", program.jobs().expiry());
    }

    @Test
    void every_key_of_the_example_has_a_comment_above_it() throws IOException {
        List<String> lines = example().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            boolean key = line.matches("(- )?[A-Za-z][A-Za-z0-9-]*:.*") && !line.startsWith("#");
            if (key) {
                assertThat(lines.get(i - 1).trim()).as("comment above line " + (i + 1) + ": " + line).startsWith("#");
            }
        }
    }

    @Test
    void the_example_earns_as_documented() {
        Program program = ProgramFile.load(EXAMPLE);
        Order order = new Order(new io.loyaltybridge.domain.order.OrderKey("shop", "1"),
                new io.loyaltybridge.domain.member.MemberId(1), new java.math.BigDecimal("100.00"),
                new io.loyaltybridge.domain.order.CurrencyCode("EUR"), java.time.Instant.parse("2025-02-01T10:00:00Z"),
                io.loyaltybridge.domain.order.OrderStatus.COMPLETED, null, List.of());
        var result = new EarnCalculator(program).earn(order, MemberContext.inTier("gold"));
        assertEquals(150, result.points());
        assertEquals(100, result.cashbackMinor());
    }

    @Test
    void the_downgrade_risk_horizon_is_read_from_the_tiers_and_a_negative_one_is_refused_with_its_path()
            throws IOException {
        assertEquals(90, ProgramFile.load(EXAMPLE).tiers().downgradeRisk().highWithinDays());
        Program shorter = ProgramFile.parse(example().replace("highWithinDays: 90", "highWithinDays: 30")
                .getBytes(StandardCharsets.UTF_8), "shorter.yaml");
        assertEquals(30, shorter.tiers().downgradeRisk().highWithinDays());
        assertThat(problemsOf(example().replace("highWithinDays: 90", "highWithinDays: -1")))
                .singleElement().asString().startsWith("tiers.downgradeRisk.highWithinDays: ");
    }

    @Test
    void the_version_changes_when_the_file_changes_and_not_otherwise() throws IOException {
        byte[] original = Files.readAllBytes(EXAMPLE);
        byte[] edited = example().replace("pointsPerUnit: 1\n", "pointsPerUnit: 2\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(ProgramFile.versionOf(original), ProgramFile.versionOf(original.clone()));
        assertThat(ProgramFile.versionOf(edited)).isNotEqualTo(ProgramFile.versionOf(original));
        Program reloaded = ProgramFile.parse(edited, "edited.yaml");
        assertEquals(ProgramFile.versionOf(edited), reloaded.version());
        assertEquals("sha256:e3b0c44298fc", ProgramFile.versionOf(new byte[0]));
    }

    @Test
    void a_file_with_many_mistakes_reports_all_of_them_with_their_paths() throws IOException {
        String broken = example()
                .replace("timeZone: Europe/Paris", "timeZone: Europe/Atlantis")
                .replace("currency: EUR", "currency: XYZ")
                .replace("  pointsPerUnit: 1\n", "  pointsPerUnit: -1\n")
                .replace("rounding: floor", "rounding: sideways")
                .replace("      to: 2025-04-20", "      to: 2025-03-01")
                .replace("      threshold: 2000", "      threshold: 400")
                .replace("    tier: vip\n", "    tier: diamond\n")
                .replace("tiers: [gold, vip]\n    # Message", "tiers: [gold, platinum]\n    # Message")
                .replace("expiry: \"0 5 0 * * ?\"", "expiry: \"every night\"")
                .replace("      kind: order_count\n      # Orders needed.\n      count: 10",
                        "      kind: order_count\n      # Orders needed.\n      count: zero")
                .replace("{field: spend, op: ge, value: 1000}", "{field: spend, op: ge, value: lots}")
                .replace("{field: preferredCategory, op: eq, value: shoes}",
                        "{field: preferredCategory, op: gt, value: shoes}");
        assertThat(problemsOf(broken)).containsExactlyInAnyOrder(
                "timeZone: must be a time zone id such as Europe/Paris",
                "currency: must be an ISO 4217 currency code such as EUR",
                "earning.pointsPerUnit: must be greater than 0",
                "earning.rounding: must be one of up, down, ceiling, floor, half_up, half_down, half_even, unnecessary",
                "earning.campaigns[0].to: must not be before from",
                "tiers.levels[2].threshold: must be greater than the previous level",
                "tiers.vip.tier: names no level (levels: bronze, silver, gold, vip)",
                "badges[1].condition.count: must be a whole number",
                "segments.custom[0].all[0].op: 'gt' compares numbers, but preferredCategory is a text",
                "segments.custom[1].all[0].value: must be a number for spend",
                "offers[0].tiers: unknown tier 'platinum' (known: bronze, gold, silver, vip)",
                "jobs.expiry: is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week,"
                        + " e.g. \"0 0 2 * * ?\")");
    }

    @Test
    void unknown_keys_are_reported_at_every_level() throws IOException {
        String typos = example()
                .replace("name: Acme Rewards", "name: Acme Rewards\ncolour: blue")
                .replace("  minimumOrder: 5.00", "  minimumOrdr: 5.00")
                .replace("      multiplier: 1.25", "      multiplier: 1.25\n      perks: [lounge]");
        List<String> problems = problemsOf(typos);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("earning.minimumOrdr: unknown key (known keys: pointsPerUnit, rounding,");
        assertThat(problems.get(1)).startsWith("tiers.levels[1].perks: unknown key");
        assertThat(problems.get(2)).startsWith("colour: unknown key");
    }

    @Test
    void missing_required_sections_and_keys_are_each_reported() {
        assertThat(problemsOf("schemaVersion: 2\nname: x\n")).containsExactlyInAnyOrder(
                "schemaVersion: this LoyaltyBridge reads schema version 1",
                "timeZone: is required", "currency: is required", "earning: is required",
                "earning.pointsPerUnit: is required", "expiry: is required", "expiry.model: is required",
                "tiers: is required", "tiers.basis: is required", "tiers.window: is required",
                "tiers.levels: is required", "tiers.levels: needs at least one level", "jobs: is required",
                "jobs.expiry: is required", "jobs.tierAssessment: is required", "jobs.segmentsAndCltv: is required",
                "jobs.birthdayBonus: is required", "jobs.pendingRelease: is required");
    }

    @Test
    void declaredCurrencyRatesAreCheckedAndEveryProblemNamesItsCode() throws IOException {
        String yaml = example().replace("currency: EUR\n",
                "currency: EUR\ncurrencies:\n  USD: 0.92\n  EUR: 1\n  ABC: 2\n  GBP: 0\n  CHF: -1\n");
        assertThat(problemsOf(yaml)).containsExactlyInAnyOrder(
                "currencies.EUR: is the program currency itself, which always counts at 1",
                "currencies.ABC: must be an ISO 4217 currency code such as USD",
                "currencies.GBP: must be greater than 0",
                "currencies.CHF: must be at least 0");
        Program program = ProgramFile.parse(example().replace("currency: EUR\n",
                "currency: EUR\ncurrencies:\n  USD: 0.92\n").getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(program.rateOf(new io.loyaltybridge.domain.order.CurrencyCode("USD")))
                .contains(new java.math.BigDecimal("0.92"));
        assertThat(program.rateOf(new io.loyaltybridge.domain.order.CurrencyCode("GBP"))).isEmpty();
    }

    @Test
    void a_first_level_above_zero_and_a_campaign_with_nothing_to_give_are_refused() throws IOException {
        String yaml = example().replace("      threshold: 0\n", "      threshold: 10\n")
                .replace("      multiplier: 2\n      # Only for these tiers", "      # Only for these tiers");
        assertThat(problemsOf(yaml)).containsExactlyInAnyOrder(
                "tiers.levels[0].threshold: the first level must have threshold 0 so every member has a tier",
                "earning.campaigns[0]: a campaign needs a multiplier, bonusPoints or both");
    }

    @Test
    void yaml_that_does_not_parse_or_repeats_a_key_is_reported_with_its_line() {
        assertThat(problemsOf("name: [unclosed\n").get(0)).startsWith("(file): is not valid YAML at line");
        assertThat(problemsOf("name: a\nname: b\n").get(0)).contains("Duplicate field 'name'");
        assertThat(problemsOf("- just\n- a list\n")).containsExactly("(file): must be a YAML mapping");
    }

    @Test
    void the_exception_message_lists_every_problem_for_the_startup_log() {
        ProgramFileException e = catchThrowableOfType(ProgramFileException.class,
                () -> ProgramFile.parse("schemaVersion: 1\nname: x\n".getBytes(StandardCharsets.UTF_8), "p.yaml"));
        assertThat(e.getMessage()).startsWith("p.yaml has " + e.problems().size() + " problems:\n")
                .contains("  tiers.levels: is required");
        assertThat(e.problems()).extracting(Violation::field).contains("jobs.pendingRelease");
    }
}
