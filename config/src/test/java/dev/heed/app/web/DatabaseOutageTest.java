package dev.heed.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.HeedTest;
import dev.heed.app.Http;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.json.JsonMapper;

/** While the database is unreachable the webhook answers a clear 503 and stores nothing; then it works again. */
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
        assertThat(JdbcClient.create(database)
                        .sql("SELECT COUNT(*) FROM post WHERE native_id = 'outage-1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        SwitchableDatabase dataSource() {
            return new SwitchableDatabase();
        }
    }

    /** The real H2, behind a switch that makes new connections fail as a refused connection would. */
    static class SwitchableDatabase extends DelegatingDataSource {
        final AtomicBoolean down = new AtomicBoolean();

        SwitchableDatabase() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:heed-outage;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            setTargetDataSource(h2);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLTransientConnectionException("Connection refused (test switch)");
            }
            return super.getConnection();
        }
    }
}
