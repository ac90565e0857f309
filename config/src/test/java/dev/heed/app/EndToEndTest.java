package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.report.CareReports;
import dev.heed.core.report.PeriodReport;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.testing.MutableClock;
import dev.heed.core.testing.RecordingChatPort;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A post through the webhook becomes a case, its card reaches chat, a member claims it, nudges follow the clock,
 * the response is recorded, and status and report show the right figures: the whole foundation, end to end.
 */
@HeedTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:heed-e2e;DB_CLOSE_DELAY=-1")
class EndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MemberRef ANA = new MemberRef("test", "U-ana", "Ana");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingChatPort chat;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    NudgeSweep sweep;

    @Autowired
    CaseCommands commands;

    @Autowired
    CareReports reports;

    @Test
    void fromWebhookPostToRespondedCaseWithNudgesStatusAndReport() {
        clock.set(java.time.Instant.parse("2026-11-23T09:00:00Z"));
        chat.clear();
        Http http = new Http(port);

        HttpResponse<String> accepted = http.postJson("/hooks/ingest/zapier", """
                {"id": "e2e-1", "text": "My order arrived broken and nobody answers. I want a refund.",
                 "author_handle": "@mara", "author_name": "Mara Lind", "author_followers": 1200,
                 "url": "https://x.example/mara/status/1"}
                """, HeedTest.WEBHOOK_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        long caseId = json(accepted).get("caseId").asLong();
        assertThat(json(accepted).get("status").asString()).isEqualTo("created");

        dispatcher.deliverDue();
        assertThat(chat.published()).singleElement().satisfies(card -> {
            assertThat(card.card().id()).isEqualTo(caseId);
            assertThat(card.card().kind()).isEqualTo(Kind.COMPLAINT);
            assertThat(card.card().post().author().followers()).isEqualTo(1200L);
            assertThat(card.card().suggestions()).isNotEmpty();
            assertThat(card.message().channel()).isEqualTo(TestWiring.CHANNEL);
        });

        clock.advance(Duration.ofMinutes(2));
        assertThat(commands.claim(caseId, ANA).changed()).isTrue();
        dispatcher.deliverDue();
        assertThat(chat.updates())
                .last()
                .satisfies(u -> assertThat(u.card().owner()).isEqualTo(ANA));

        clock.advance(Duration.ofMinutes(13)); // 09:15, half-time
        sweep.run();
        dispatcher.deliverDue();
        clock.advance(Duration.ofMinutes(5)); // 09:20, ten minutes before the deadline
        sweep.run();
        dispatcher.deliverDue();
        assertThat(chat.nudges())
                .extracting(n -> n.nudge().level())
                .containsExactly(NudgeLevel.REMINDER, NudgeLevel.WARNING);
        assertThat(chat.nudges().get(1).nudge().owner()).isEqualTo(ANA);

        clock.advance(Duration.ofMinutes(5)); // 09:25
        assertThat(commands.markResponded(caseId, ANA, "So sorry, Mara. Please DM us your order number.")
                        .changed())
                .isTrue();
        clock.advance(Duration.ofMinutes(30));
        sweep.run();
        dispatcher.deliverDue();
        assertThat(chat.nudges()).as("no nudge after the response").hasSize(2);

        HttpResponse<String> status = http.get("/api/status", "Authorization", "Bearer " + HeedTest.API_TOKEN);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode today = json(status).get("today");
        assertThat(today.get("median").asString()).isEqualTo("PT25M");
        assertThat(today.get("withinDeadline").asLong())
                .isEqualTo(today.get("withDeadline").asLong());

        PeriodReport week = reports.lastDays(7);
        PeriodReport.PersonFigures ana = week.people().stream()
                .filter(p -> p.member().equals("Ana"))
                .findFirst()
                .orElseThrow();
        assertThat(ana.responses().median()).isEqualTo(Duration.ofMinutes(25));
        assertThat(ana.responses().shareWithinDeadline()).isEqualTo(1.0);

        HttpResponse<String> detail = http.get("/api/cases/" + caseId, "Authorization", "Bearer " + HeedTest.API_TOKEN);
        JsonNode body = json(detail);
        assertThat(body.get("caseView").get("state").asString()).isEqualTo(CaseState.RESPONDED.name());
        assertThat(body.get("cards").get(0).get("channel").asString()).isEqualTo("test:care");
        assertThat(body.get("cards").get(0).get("messageId").asString())
                .isEqualTo(chat.published().get(0).message().id());
        assertThat(body.get("audit").findValuesAsString("action"))
                .containsExactly("DETECTED", "CLAIMED", "NUDGE_QUEUED", "NUDGE_QUEUED", "RESPONDED");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
