package dev.heed.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes every commit to an H2 file database reach the file before the commit returns. H2 otherwise writes
 * committed transactions to disk in the background up to half a second later ({@code WRITE_DELAY}, 500 ms), so a
 * killed process (SIGKILL, out of memory, a container stopped hard) loses posts the webhook already answered 202
 * for. The setting is persistent in the database; it is applied at every start, whatever the configured URL.
 * PostgreSQL and in-memory H2 are left alone.
 */
@Component
class H2Durability {
    private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

    H2Durability(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL().toLowerCase(Locale.ROOT);
            if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
                log.debug("H2 file database: every commit is written before it returns (WRITE_DELAY 0)");
            }
        }
    }
}
