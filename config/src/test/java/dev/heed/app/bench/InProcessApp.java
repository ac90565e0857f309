package dev.heed.app.bench;

import dev.heed.app.HeedApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Heed's real application context in this JVM, on a free port and its own H2 file database. */
final class InProcessApp implements AutoCloseable {
    final ConfigurableApplicationContext context;

    private InProcessApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static InProcessApp start(Path databaseDirectory, String... properties) {
        BenchDb.deleteTree(databaseDirectory);
        List<String> all = new ArrayList<>();
        all.add("server.port=0");
        all.add("spring.datasource.url=" + BenchDb.url(databaseDirectory));
        all.add("heed.demo.enabled=false");
        all.add("logging.level.root=WARN");
        all.addAll(List.of(properties));
        // Command-line arguments, so that they win over application.yml.
        return new InProcessApp(new SpringApplicationBuilder(HeedApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
