package io.loyaltybridge.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain holds the loyalty rules and nothing else. Plain Jupiter tests calling {@code check} (rather than
 * ArchUnit's own engine) so that a rule can never be silently skipped by the test runner.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.loyaltybridge");
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.loyaltybridge.domain")))
                .hasSizeGreaterThan(20);
    }

    @Test
    void the_domain_depends_on_no_framework_database_json_or_io() {
        noClasses().that().resideInAPackage("io.loyaltybridge.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.camel..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..",
                        "java.io..", "java.nio..", "java.net..", "org.slf4j..", "io.loyaltybridge.store..",
                        "io.loyaltybridge.api..", "io.loyaltybridge.app..", "io.loyaltybridge.sync..")
                .because("the loyalty rules must stay testable without any infrastructure")
                .check(classes);
    }

    @Test
    void the_store_knows_neither_the_api_nor_camel() {
        noClasses().that().resideInAPackage("io.loyaltybridge.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltybridge.api..", "org.apache.camel..")
                .check(classes);
    }
}
