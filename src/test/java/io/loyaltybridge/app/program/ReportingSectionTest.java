package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.program.Program;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The program file's pointValue and locale: read, defaulted and refused with their paths like every other key. */
class ReportingSectionTest {
    private static String example() throws IOException {
        return Files.readString(Path.of("config/program.yaml"));
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
    void the_shipped_program_declares_a_cent_a_point_and_french_formats() throws IOException {
        Program program = parse(example());
        assertThat(program.reporting().pointValue()).isEqualByComparingTo("0.01");
        assertThat(program.reporting().locale()).isEqualTo(Locale.forLanguageTag("fr-FR"));
        assertThat(program.reporting().money(250)).isEqualByComparingTo("2.50");
    }

    @Test
    void without_the_keys_money_figures_are_left_out_and_the_locale_follows_the_currencys_country()
            throws IOException {
        String bare = example().replaceAll("(?m)^pointValue: .*\n", "").replaceAll("(?m)^locale: .*\n", "");
        Program euro = parse(bare);
        assertThat(euro.reporting().pointValue()).isNull();
        assertThat(euro.reporting().money(100)).isNull();
        assertThat(euro.reporting().locale()).as("EUR is no single country's").isEqualTo(Locale.ENGLISH);
        Program pound = parse(bare.replace("currency: EUR\n", "currency: GBP\n")
                .replaceAll("10 EUR", "10 GBP"));
        assertThat(pound.reporting().locale().getCountry()).isEqualTo("GB");
    }

    @Test
    void a_point_value_of_zero_or_less_and_an_unknown_locale_are_refused_with_their_paths() throws IOException {
        assertThat(problemsOf(example().replace("pointValue: 0.01", "pointValue: 0")))
                .containsExactly("pointValue: must be greater than 0");
        assertThat(problemsOf(example().replace("pointValue: 0.01", "pointValue: cheap")))
                .containsExactly("pointValue: must be a number");
        assertThat(problemsOf(example().replace("locale: fr-FR", "locale: xx-not-a-locale")))
                .containsExactly("locale: must be a locale such as fr-FR or en-GB");
    }
}
