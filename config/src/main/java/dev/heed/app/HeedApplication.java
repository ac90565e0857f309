package dev.heed.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Heed: public posts become owned, deadline-watched cases in the team's chat. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HeedApplication {
    public static void main(String[] args) {
        SpringApplication.run(HeedApplication.class, args);
    }
}
