package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.casework.IngestResult.Status;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import dev.heed.core.testing.Casework;
import org.junit.jupiter.api.Test;

/** The ingest entry points a feed source uses inside its own transaction (posts, cards and checkpoint together). */
class IngestWithinTransactionTest {
    private final Casework work = new Casework();

    private long count(String table) {
        return work.db
                .sql()
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    @Test
    void aPostIngestedInTheCallersTransactionRollsBackWithIt() {
        Post post = work.post("mara", "complaint: cold soup");

        assertThatThrownBy(() -> work.db.inTransaction(() -> {
                    assertThat(work.ingest.ingestWithinTransaction(post, null).status())
                            .isEqualTo(Status.CREATED);
                    throw new IllegalStateException("the checkpoint moved: roll everything back");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count("care_case")).isZero();
        assertThat(count("post")).isZero();
        assertThat(count("outbox")).isZero();
        IngestResult again = work.db.inTransaction(() -> work.ingest.ingestWithinTransaction(post, Kind.QUESTION));
        assertThat(again.status()).isEqualTo(Status.CREATED);
        assertThat(work.db
                        .inTransaction(() -> work.ingest.ingestWithinTransaction(post, null))
                        .status())
                .isEqualTo(Status.DUPLICATE);
        assertThat(work.views.find(again.caseId()).orElseThrow().kind()).isEqualTo(Kind.QUESTION);
    }

    @Test
    void aSightingJoinsTheCaseWithoutReopeningIt() {
        long id = work.open("complaint: broken cup");
        work.commands.markResponded(id, ANA, "Sorry!");
        work.commands.resolve(id, ANA);
        Post elsewhere = new Post(
                "rss",
                "guid-9",
                dev.heed.core.model.Network.OTHER,
                dev.heed.core.model.Author.of("@someone"),
                "complaint: broken cup",
                null,
                work.clock.instant(),
                null,
                null,
                null);

        IngestResult result = work.db.inTransaction(() -> work.ingest.attachSighting(id, elsewhere));

        assertThat(result).isEqualTo(new IngestResult(Status.ATTACHED, id));
        assertThat(work.views.find(id).orElseThrow().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(work.views.auditTrail(id)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("SEEN_AGAIN");
            assertThat(e.detail()).isEqualTo("post guid-9 on rss");
        });
        assertThat(work.db
                        .inTransaction(() -> work.ingest.attachSighting(id, elsewhere))
                        .status())
                .isEqualTo(Status.DUPLICATE);
    }
}
