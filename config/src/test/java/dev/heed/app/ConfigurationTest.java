package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.ReplySuggester;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import dev.heed.core.sla.Deadline;
import dev.heed.core.sla.DeadlinePolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Configured values reach the core: business hours, deadline rules, reply templates, brand. */
class ConfigurationTest {

    @Test
    void configuredHoursHolidaysAndRulesShapeTheDeadlines() {
        try (ConfigurableApplicationContext app = TestApps.start(
                "heed.sources[0].id=zap",
                "heed.sources[0].type=webhook",
                "heed.sources[0].token=0123456789abcdef",
                "heed.business-hours.zone=Europe/London",
                "heed.business-hours.hours.monday=closed",
                "heed.business-hours.hours.tuesday=08:00-12:00,13:00-16:00",
                "heed.business-hours.holidays=2026-11-24",
                "heed.deadlines.clock=business-time",
                "heed.deadlines.rules[0].kind=complaint",
                "heed.deadlines.rules[0].in-hours=45m")) {
            DeadlinePolicy policy = app.getBean(DeadlinePolicy.class);

            // Monday is closed and Tuesday 24 November a holiday: the clock starts Wednesday 09:00 (default hours).
            Deadline deadline = policy.deadlineFor(
                            Kind.COMPLAINT, Priority.NORMAL, Instant.parse("2026-11-23T10:00:00Z"))
                    .orElseThrow();

            assertThat(deadline.due()).isEqualTo(Instant.parse("2026-11-25T09:45:00Z"));
        }
    }

    @Test
    void configuredTemplatesAndBrandAreUsedForSuggestions() {
        try (ConfigurableApplicationContext app = TestApps.start(
                "heed.brand.name=Harbour Bikes",
                "heed.brand.sign-off=– Sam",
                "heed.replies.templates.complaint[0].label=Our way",
                "heed.replies.templates.complaint[0].text=Sorry {name}, {brand} will fix this. {signoff}")) {
            ReplySuggester suggester = app.getBean(ReplySuggester.class);
            Post post = new Post(
                    "demo",
                    "1",
                    Network.MASTODON,
                    new Author("@kim", "Kim", 10L, null),
                    "My bike broke after a day",
                    "en",
                    Instant.parse("2026-11-23T10:00:00Z"),
                    null,
                    null,
                    null);

            List<SuggestedReply> replies =
                    suggester.suggest(post, new Classification(Kind.COMPLAINT, 0.9, List.of("test")));

            assertThat(replies)
                    .singleElement()
                    .isEqualTo(new SuggestedReply("Our way", "Sorry Kim, Harbour Bikes will fix this. – Sam"));
        }
    }
}
