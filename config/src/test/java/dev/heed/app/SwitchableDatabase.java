package dev.heed.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The real H2 (in memory), behind two switches: {@link #down} makes new connections fail as a refused connection
 * would; {@link #breakOn} makes the connection break when a statement containing that text is prepared, as a
 * database that goes away in the middle of a transaction does.
 */
public class SwitchableDatabase extends DelegatingDataSource {
    public final AtomicBoolean down = new AtomicBoolean();
    public final AtomicReference<String> breakOn = new AtomicReference<>();

    public SwitchableDatabase(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        setTargetDataSource(h2);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down.get()) {
            throw new SQLTransientConnectionException("Connection refused (test switch)");
        }
        Connection real = super.getConnection();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String fragment = breakOn.get();
                    if (fragment != null
                            && method.getName().startsWith("prepare")
                            && args != null
                            && args[0] instanceof String sql
                            && sql.contains(fragment)) {
                        throw new SQLTransientConnectionException("Connection lost (test switch at: " + fragment + ")");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
