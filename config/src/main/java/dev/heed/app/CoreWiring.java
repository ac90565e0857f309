package dev.heed.app;

import dev.heed.app.demo.DemoSource;
import dev.heed.app.llm.LlmReplyDrafter;
import dev.heed.core.casework.AuditExport;
import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.casework.IngestService;
import dev.heed.core.casework.LearningClassifier;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.casework.Retention;
import dev.heed.core.casework.Storms;
import dev.heed.core.casework.TeamLabels;
import dev.heed.core.chat.Route;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.classification.BrandSettings;
import dev.heed.core.classification.KeywordPriorityScorer;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.classification.PostClassifier;
import dev.heed.core.classification.PriorityScorer;
import dev.heed.core.classification.ReplySuggester;
import dev.heed.core.classification.ReplyTemplate;
import dev.heed.core.classification.ReplyTemplates;
import dev.heed.core.classification.TemplateReplySuggester;
import dev.heed.core.delivery.DispatchSettings;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.report.CareReports;
import dev.heed.core.sla.BusinessHours;
import dev.heed.core.sla.ClockMode;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.DeadlineRule;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.sla.NudgeSettings;
import dev.heed.core.sla.ResponseTarget;
import dev.heed.core.support.Db;
import dev.heed.core.support.Leases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the core's use cases from the typed configuration. */
@Configuration(proxyBeanMethods = false)
class CoreWiring {
    private static final Logger log = LoggerFactory.getLogger(CoreWiring.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The database as the core uses it; created after Flyway has migrated the schema. */
    @Bean
    @DependsOnDatabaseInitialization
    Db db(DataSource dataSource, PlatformTransactionManager transactions) {
        return new Db(dataSource, transactions);
    }

    /** This instance's leases on the jobs that run in one place at a time when several instances share a database. */
    @Bean
    Leases leases(Db db, Clock clock, HeedProperties properties) {
        String name = properties.instance().name();
        log.info(
                "Instance '{}' (heed.instance.id); leases last {}",
                name,
                properties.instance().lease());
        return new Leases(db, clock, name, properties.instance().lease());
    }

    @Bean
    AuditExport auditExport(Db db) {
        return new AuditExport(db);
    }

    /** Purges old post texts and author details ({@code heed.retention.days}; 0 keeps them). */
    @Bean
    Retention retention(Db db, Clock clock, HeedProperties properties) {
        return new Retention(
                db, clock, java.time.Duration.ofDays(properties.retention().days()));
    }

    @Bean
    DemoMode demoMode(HeedProperties properties) {
        String enabled = properties.demo().enabled();
        boolean on = enabled.equals("true")
                || (enabled.equals("auto") && properties.sources().isEmpty());
        return new DemoMode(on);
    }

    @Bean
    BusinessHours businessHours(HeedProperties properties, DemoMode demo) {
        if (demo.on()) {
            return BusinessHours.alwaysOpen(properties.businessHours().zone());
        }
        return BusinessHoursFactory.create(properties.businessHours());
    }

    @Bean
    DeadlinePolicy deadlinePolicy(HeedProperties properties, BusinessHours hours, DemoMode demo) {
        if (demo.on()) {
            HeedProperties.Demo d = properties.demo();
            return new DeadlinePolicy(
                    hours,
                    ClockMode.ARRIVAL,
                    List.of(
                            both(Kind.COMPLAINT, new ResponseTarget.Within(d.complaintDeadline())),
                            both(Kind.QUESTION, new ResponseTarget.Within(d.questionDeadline())),
                            both(Kind.COMPLIMENT, new ResponseTarget.Within(d.complimentDeadline())),
                            both(Kind.OTHER, new ResponseTarget.None())));
        }
        Map<String, DeadlineRule> rules = new LinkedHashMap<>();
        for (DeadlineRule rule : DeadlinePolicy.defaultRules()) {
            rules.put(rule.kind() + "/" + rule.priority(), rule);
        }
        for (HeedProperties.DeadlineRule configured : properties.deadlines().rules()) {
            ResponseTarget outside = Objects.requireNonNullElse(configured.outOfHours(), configured.inHours());
            rules.put(
                    configured.kind() + "/" + configured.priority(),
                    new DeadlineRule(configured.kind(), configured.priority(), configured.inHours(), outside));
        }
        return new DeadlinePolicy(hours, properties.deadlines().clock(), new ArrayList<>(rules.values()));
    }

    private static DeadlineRule both(Kind kind, ResponseTarget target) {
        return new DeadlineRule(kind, null, target, target);
    }

    @Bean
    NudgeLadder nudgeLadder(HeedProperties properties, DemoMode demo) {
        if (demo.on()) {
            return new NudgeLadder(
                    new NudgeSettings(0.5, 0.8, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(2), 1));
        }
        HeedProperties.Nudges n = properties.nudges();
        return new NudgeLadder(
                new NudgeSettings(n.reminderAt(), n.warningAt(), n.warningBefore(), n.repeatEvery(), n.maxRepeats()));
    }

    /** The trained classifier, refitted with the team's corrections (see Schedules). */
    @Bean
    LearningClassifier postClassifier(Db db) {
        return new LearningClassifier(new TeamLabels(db), ModelClassifier.shippedCorpus());
    }

    /** The classifier's first fit starts once the application answers, so that it does not slow the start-up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> classifierFirstFit(LearningClassifier classifier) {
        return ready -> classifier.startFirstFit();
    }

    @Bean
    PriorityScorer priorityScorer(HeedProperties properties) {
        // A review's star rating (App Store source) adds to the keyword score.
        return new dev.heed.core.feed.RatingPriority(new KeywordPriorityScorer(
                java.util.Set.copyOf(properties.priority().vipHandles())));
    }

    @Bean
    ReplySuggester replySuggester(HeedProperties properties) {
        HeedProperties.Brand brand = properties.brand();
        Map<Kind, List<ReplyTemplate>> english =
                new java.util.EnumMap<>(ReplyTemplates.defaults().byKind());
        properties
                .replies()
                .templates()
                .forEach((kind, templates) -> english.put(
                        kind,
                        templates.stream()
                                .map(t -> new ReplyTemplate(t.label(), t.text()))
                                .toList()));
        BrandSettings settings =
                new BrandSettings(brand.name(), brand.signOff(), brand.supportContact(), brand.reviewLink());
        ReplySuggester suggester =
                new TemplateReplySuggester(settings, new ReplyTemplates(english), ReplyTemplates.defaultTranslations());
        HeedProperties.Llm llm = properties.llm();
        if (!llm.enabled()) {
            return suggester;
        }
        log.info("Reply drafting by the model '{}' at {} is on", llm.model(), llm.baseUrl());
        return new LlmReplyDrafter(suggester, settings, llm.baseUrl(), llm.model(), llm.apiKey(), llm.timeout());
    }

    @Bean
    ChatPorts chatPorts(ObjectProvider<ChatPortRegistration> registrations, HeedProperties properties, Clock clock) {
        List<ChatPortRegistration> active = registrations.orderedStream().toList();
        if (!active.isEmpty()) {
            return new ChatPorts(active);
        }
        log.info("No chat platform configured: cards and nudges go to this log (console chat port)");
        ConsoleChatPort console = new ConsoleChatPort(properties.businessHours().zone(), clock);
        return new ChatPorts(List.of(new ChatPortRegistration(
                console,
                new ChannelRef(ConsoleChatPort.PLATFORM, properties.console().channel()))));
    }

    @Bean
    RouteTable routeTable(HeedProperties properties, ChatPorts chatPorts) {
        List<Route> routes = properties.routes().stream()
                .map(r -> new Route(r.sources(), r.kinds(), r.channels()))
                .toList();
        var platforms = chatPorts.ports().stream().map(p -> p.platform()).toList();
        for (Route route : routes) {
            for (ChannelRef channel : route.channels()) {
                if (!platforms.contains(channel.platform())) {
                    throw new IllegalStateException("heed.routes: channel " + channel + " is on '" + channel.platform()
                            + "', which is not configured; active platforms: " + platforms);
                }
            }
        }
        return new RouteTable(routes, chatPorts.defaultChannels());
    }

    @Bean
    IngestService ingestService(
            Db db,
            Clock clock,
            DeadlinePolicy policy,
            NudgeLadder ladder,
            PostClassifier classifier,
            PriorityScorer scorer,
            ReplySuggester suggester,
            RouteTable routes,
            Storms storms) {
        return new IngestService(db, clock, policy, ladder, classifier, scorer, suggester, routes, storms);
    }

    @Bean
    Storms storms(Db db, Clock clock, HeedProperties properties) {
        return new Storms(db, clock, properties.storms().settings());
    }

    @Bean
    CaseCommands caseCommands(Db db, Clock clock, DeadlinePolicy policy, NudgeLadder ladder) {
        return new CaseCommands(db, clock, policy, ladder);
    }

    @Bean
    NudgeSweep nudgeSweep(Db db, Clock clock, DeadlinePolicy policy, NudgeLadder ladder) {
        return new NudgeSweep(db, clock, policy, ladder);
    }

    @Bean
    OutboxDispatcher outboxDispatcher(Db db, Clock clock, ChatPorts chatPorts, HeedProperties properties) {
        DispatchSettings defaults = DispatchSettings.defaults();
        DispatchSettings settings = new DispatchSettings(
                defaults.batchSize(),
                defaults.firstRetry(),
                defaults.maxRetry(),
                properties.scheduling().deliveryLease());
        return new OutboxDispatcher(db, clock, chatPorts.ports(), settings);
    }

    @Bean
    CaseViews caseViews(Db db) {
        return new CaseViews(db);
    }

    @Bean
    CareReports careReports(Db db, Clock clock, HeedProperties properties) {
        return new CareReports(db, clock, properties.businessHours().zone());
    }

    /** The demo source, or no bean (null) when the demo is off. */
    @Bean
    DemoSource demoSource(DemoMode demo, IngestService ingest, Clock clock, HeedProperties properties) {
        return demo.on() ? new DemoSource(ingest, clock, properties.demo().spread()) : null;
    }

    /** Whether the bundled demo source (and its short deadlines) is on. */
    record DemoMode(boolean on) {}
}
