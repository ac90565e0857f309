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
        if (args.length > 0 && args[0].equals("classify")) {
            System.exit(dev.heed.app.cli.ClassifyCommand.run(System.in, System.out, System.err));
        }
        SpringApplication.run(HeedApplication.class, args);
    }
}
