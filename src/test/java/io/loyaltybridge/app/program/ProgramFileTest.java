package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.program.Program;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramFileTest {
    @Test
    void the_shipped_example_program_loads_cleanly() {
        Program program = ProgramFile.load(Path.of("config/program.yaml"));
        assertThat(program.name()).isEqualTo("Acme Rewards");
    }
}
