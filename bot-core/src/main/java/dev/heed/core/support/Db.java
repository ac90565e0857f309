package dev.heed.core.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as the core uses it: plain SQL through {@link JdbcClient} and short local transactions. Instants
 * are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC, which H2 and PostgreSQL both read back exactly.
 */
public final class Db {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public Db(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
    }

    public Db(DataSource dataSource) {
        this(dataSource, new DataSourceTransactionManager(dataSource));
    }

    public JdbcClient sql() {
        return jdbc;
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it does. */
    public <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    public void inTransaction(Runnable work) {
        tx.executeWithoutResult(status -> work.run());
    }

    /** An instant as a SQL parameter (null stays null). */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a timestamp column as an instant (null stays null). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Cuts {@code text} to at most {@code max} characters, without splitting a surrogate pair. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
