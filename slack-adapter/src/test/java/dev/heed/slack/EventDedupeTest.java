package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.support.Db;
import dev.heed.core.testing.MutableClock;
import dev.heed.core.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventDedupeTest {
    private final Db db = TestDatabase.db();
    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");

    @Test
    void aRetryIsRecognisedEvenByAnotherInstance() {
        EventDedupe first = new EventDedupe(db, clock);
        EventDedupe other = new EventDedupe(db, clock);

        assertThat(first.firstTime("Ev1")).isTrue();
        assertThat(other.firstTime("Ev1")).isFalse();
        assertThat(first.firstTime("Ev1")).isFalse();
        assertThat(other.firstTime("Ev2")).isTrue();
        assertThat(first.firstTime(null)).isTrue();
    }

    @Test
    void idsAreForgottenAfterADay() {
        EventDedupe dedupe = new EventDedupe(db, clock);
        dedupe.firstTime("Ev-old");
        clock.advance(Duration.ofDays(2));

        for (int i = 0; i < 200; i++) {
            dedupe.firstTime("Ev-new-" + i);
        }

        long old = db.sql()
                .sql("SELECT COUNT(*) FROM slack_event WHERE event_id = 'Ev-old'")
                .query(Long.class)
                .single();
        assertThat(old).isZero();
    }
}
