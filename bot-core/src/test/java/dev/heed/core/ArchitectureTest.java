package dev.heed.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The architecture rules, executable: the build fails when core code breaks them. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.heed.core");

    @Test
    void coreNeverReadsTheSystemClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(ZoneId.class, "systemDefault")
                .because("all time comes from the injected java.time.Clock, so tests can move it")
                .check(CORE);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.heed.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theVocabularyDependsOnNothingElse() {
        classes()
                .that()
                .resideInAPackage("dev.heed.core.model..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.heed.core.model..", "java..")
                .check(CORE);
    }

    @Test
    void deadlineArithmeticIsPure() {
        classes()
                .that()
                .resideInAPackage("dev.heed.core.sla..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.heed.core.sla..", "dev.heed.core.model..", "java..")
                .check(CORE);
    }

    @Test
    void chatPortsAndClassificationKnowNothingOfStorage() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.heed.core.chat..", "dev.heed.core.classification..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "dev.heed.core.support..")
                .check(CORE);
    }

    @Test
    void coreKnowsNoAdapterNorTheApplication() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.heed.slack..", "dev.heed.discord..", "dev.heed.app..")
                .check(CORE);
    }
}
