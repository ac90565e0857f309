package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.testing.Casework;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExportTest {
    final Casework work = new Casework();
    final AuditExport export = new AuditExport(work.db);

    @Test
    void writesEveryEntrySinceATimeAsCsvOldestFirst() {
        long old = work.open("complaint: cold coffee");
        work.advance(Duration.ofHours(1));
        Instant since = work.clock.instant();
        long recent = work.open("question: do you deliver?");
        work.commands.claim(recent, ANA);
        work.commands.markResponded(recent, ANA, "Yes, \"within 5 km\", see:\nour site");
        work.commands.dismiss(old, ANA, "=HYPERLINK(\"http://evil.example\")");

        List<String> lines = lines(since);

        assertThat(lines.get(0)).isEqualTo(AuditExport.HEADER);
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.split(",")[1])
                .containsExactly(
                        Long.toString(recent), Long.toString(recent), Long.toString(recent), Long.toString(old));
        assertThat(String.join("\n", lines))
                .contains(",CLAIMED,")
                .contains("\"Yes, \"\"within 5 km\"\", see:")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    }

    @Test
    void pagesThroughLongHistoriesWithoutLosingOrRepeatingAnEntry() {
        for (int i = 0; i < 2_100; i++) {
            work.open("question: number " + i); // one CREATED entry each, many at the same instant
            if (i % 700 == 0) {
                work.advance(Duration.ofSeconds(1));
            }
        }

        List<String> lines = lines(null);

        assertThat(lines).hasSize(2_101);
        assertThat(lines.stream().skip(1).map(line -> line.split(",")[0]).distinct())
                .hasSize(2_100);
    }

    @Test
    void cellsNeedingItAreQuotedAndFormulasDefused() {
        assertThat(AuditExport.cell(null)).isEmpty();
        assertThat(AuditExport.cell("plain")).isEqualTo("plain");
        assertThat(AuditExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.cell("+1 555")).isEqualTo("'+1 555");
        assertThat(AuditExport.cell("@here")).isEqualTo("'@here");
    }

    private List<String> lines(Instant since) {
        StringWriter out = new StringWriter();
        export.write(since, out);
        // Split on record ends only: a quoted cell may hold a bare line feed.
        return List.of(out.toString().split("\r\n"));
    }
}
