package dev.heed.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.testing.Casework;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoSourceTest {
    private final Casework work = new Casework();

    @Test
    void twentyPostsArriveOverTheFirstMinute() {
        DemoSource demo = new DemoSource(work.ingest, work.clock, Duration.ofSeconds(60));

        int first = demo.poll();
        work.advance(Duration.ofSeconds(30));
        int half = demo.poll();
        work.advance(Duration.ofSeconds(30));
        int rest = demo.poll();

        assertThat(first).isEqualTo(1);
        assertThat(first + half)
                .as("posts 0..10 are due by 30 s (one every 3 s)")
                .isEqualTo(11);
        assertThat(first + half + rest).isEqualTo(DemoSource.posts().size()).isEqualTo(20);
        assertThat(demo.finished()).isTrue();
        long cases = work.db
                .sql()
                .sql("SELECT COUNT(*) FROM care_case")
                .query(Long.class)
                .single();
        assertThat(cases).as("one post is a follow-up that joins its thread").isEqualTo(19);
    }

    @Test
    void aRestartReplaysTheDemoWithoutPostingAnythingTwice() {
        DemoSource before = new DemoSource(work.ingest, work.clock, Duration.ofSeconds(1));
        before.poll();
        work.advance(Duration.ofSeconds(2));
        before.poll();
        work.dispatcher.deliverDue();
        int cards = work.chat.published().size();

        DemoSource after = new DemoSource(work.ingest, work.clock, Duration.ofSeconds(1));
        after.poll();
        work.advance(Duration.ofSeconds(2));
        int added = after.poll();
        work.dispatcher.deliverDue();

        assertThat(added).isZero();
        assertThat(work.chat.published()).hasSize(cards);
    }
}
