package dev.heed.app;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real application with extra properties, on a free port and its own in-memory database. */
final class TestApps {
    private TestApps() {}

    static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("server.port=0");
        all.add("spring.datasource.url=jdbc:h2:mem:heed-config-" + System.nanoTime());
        all.add("heed.scheduling.enabled=false");
        // As command-line arguments, so that they win over application.yml (default properties would not).
        return new SpringApplicationBuilder(HeedApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
