package dev.heed.benchbare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up baseline of the benchmarks: a bare Spring Boot web application (spring-boot-starter-webmvc and
 * nothing else), started in its own JVM like Heed. Outside {@code dev.heed.app}, so that Heed's component scan
 * never finds it.
 */
@SpringBootApplication
public class BareWebApplication {
    public static void main(String[] args) {
        SpringApplication.run(BareWebApplication.class, args);
    }
}
