package dev.heed.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.HeedTest;
import dev.heed.app.Http;
import dev.heed.app.SwitchableDatabase;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.testing.MutableClock;
import dev.heed.core.testing.RecordingChatPort;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database is unreachable the webhook and the API answer a clear 503 and store nothing; a transaction that
 * breaks half-way leaves no trace; afterwards everything works again.
 */
@HeedTest
@Import(DatabaseOutageTest.Wiring.class)
class DatabaseOutageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POST =
            "{\"id\": \"outage-1\", \"text\": \"Is anyone there?\", \"author_handle\": \"@olaf\"}";

    @LocalServerPort
    int port;

    @Autowired
    SwitchableDatabase database;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingChatPort chat;

    @AfterEach
    void databaseBack() {
        database.down.set(false);
        database.breakOn.set(null);
    }

    @Test
    void theWebhookAnswers503WhileTheDatabaseIsDownAndAcceptsThePostOnceItIsBack() {
        Http http = new Http(port);

        database.down.set(true);
        HttpResponse<String> refused = http.postJson("/hooks/ingest/zapier", POST, HeedTest.WEBHOOK_TOKEN);
        database.down.set(false);
        HttpResponse<String> accepted = http.postJson("/hooks/ingest/zapier", POST, HeedTest.WEBHOOK_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("unavailable");
        assertThat(JSON.readTree(refused.body()).get("message").asString()).contains("nothing was stored");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("status").asString()).isEqualTo("created");
        assertThat(count("SELECT COUNT(*) FROM post WHERE native_id = 'outage-1'"))
                .isEqualTo(1);
    }

    @Test
    void theApiAnswers503WhileTheDatabaseIsDown() {
        Http http = new Http(port);
        String[] auth = {"Authorization", "Bearer " + HeedTest.API_TOKEN};

        database.down.set(true);
        HttpResponse<String> status = http.get("/api/status", auth);
        HttpResponse<String> cases = http.get("/api/cases", auth);
        database.down.set(false);
        HttpResponse<String> back = http.get("/api/status", auth);

        for (HttpResponse<String> refused : java.util.List.of(status, cases)) {
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("unavailable");
            assertThat(refused.body()).doesNotContain("Exception", "jdbc:", "test switch");
        }
        assertThat(back.statusCode()).isEqualTo(200);
    }

    @Test
    void aPostWhoseTransactionBreaksHalfWayLeavesNoCaseWithoutItsOutboxRowNorTheReverse() {
        Http http = new Http(port);
        long cases = count("SELECT COUNT(*) FROM care_case");
        long outbox = count("SELECT COUNT(*) FROM outbox");
        String post = "{\"id\": \"half-1\", \"text\": \"My order never came\", \"author_handle\": \"@half\"}";

        // The case, its post, suggestions and channel rows are written; the connection breaks at the outbox row.
        database.breakOn.set("INSERT INTO outbox");
        HttpResponse<String> refused = http.postJson("/hooks/ingest/zapier", post, HeedTest.WEBHOOK_TOKEN);
        database.breakOn.set(null);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(count("SELECT COUNT(*) FROM care_case")).isEqualTo(cases);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
        assertThat(count("SELECT COUNT(*) FROM post WHERE native_id = 'half-1'"))
                .isZero();
        assertConsistent();

        HttpResponse<String> accepted = http.postJson("/hooks/ingest/zapier", post, HeedTest.WEBHOOK_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("status").asString()).isEqualTo("created");
        assertThat(count("SELECT COUNT(*) FROM care_case")).isEqualTo(cases + 1);
        assertConsistent();
    }

    @Test
    void aCardPostedJustBeforeTheDatabaseWentAwayIsLookedForBeforeItIsPostedAgain() {
        Http http = new Http(port);
        HttpResponse<String> accepted = http.postJson(
                "/hooks/ingest/zapier",
                "{\"id\": \"lost-ts-1\", \"text\": \"Where is my parcel?\", \"author_handle\": \"@lost\"}",
                HeedTest.WEBHOOK_TOKEN);
        long caseId = JSON.readTree(accepted.body()).get("caseId").asLong();

        // Chat takes the card, then the database breaks before the message id is recorded.
        database.breakOn.set("UPDATE case_message SET message_id");
        dispatcher.deliverDue();
        database.breakOn.set(null);
        clock.advance(Duration.ofSeconds(30));
        dispatcher.deliverDue();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.deliverDue();

        List<RecordingChatPort.Published> attempts =
                chat.published().stream().filter(p -> p.card().id() == caseId).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).attempt().key())
                .isEqualTo(attempts.get(0).attempt().key());
        assertThat(attempts.get(1).attempt().mayHaveBeenDelivered())
                .as("the second try is told to look for the first card instead of posting blindly")
                .isTrue();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE case_id = " + caseId))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM case_message WHERE message_id IS NOT NULL AND case_id = " + caseId))
                .isEqualTo(1);
    }

    /** Every case has its post, its channel rows, and a card either shown or waiting in the outbox; no orphan. */
    private void assertConsistent() {
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM care_case c WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.case_id = c.id)"))
                .as("cases without a post")
                .isZero();
        assertThat(count("""
                        SELECT COUNT(*) FROM care_case c
                        WHERE NOT EXISTS (SELECT 1 FROM case_message m WHERE m.case_id = c.id)
                        """)).as("cases shown nowhere").isZero();
        assertThat(count("""
                        SELECT COUNT(*) FROM case_message m
                        WHERE m.message_id IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o
                            WHERE o.case_id = m.case_id AND o.platform = m.platform AND o.channel_id = m.channel_id
                              AND o.kind = 'CARD')
                        """)).as("cards neither shown nor waiting to be shown").isZero();
        assertThat(count("""
                        SELECT COUNT(*) FROM outbox o
                        WHERE o.case_id <> 0 AND NOT EXISTS (SELECT 1 FROM care_case c WHERE c.id = o.case_id)
                        """)).as("outbox rows of no case").isZero();
    }

    private long count(String sql) {
        return JdbcClient.create(database).sql(sql).query(Long.class).single();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        SwitchableDatabase dataSource() {
            return new SwitchableDatabase("heed-outage");
        }
    }
}
