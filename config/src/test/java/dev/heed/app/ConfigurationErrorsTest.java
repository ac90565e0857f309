package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A configuration mistake stops start-up with a message that names the property and the accepted form. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationErrorsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "heed.nudges.reminder-at=0.9|heed.nudges.reminder-at|must be below heed.nudges.warning-at",
                "heed.nudges.max-repeats=99|heed.nudges.max-repeats|must be within 0 .. 20, got 99",
                "heed.storms.threshold=0|heed.storms.threshold|must be within 1 .. 100000 new cases, got 0",
                "heed.storms.window=1s|heed.storms.window|must be within 10s .. 1d",
                "heed.storms.quiet-after=1m|heed.storms.quiet-after|must be at least heed.storms.window",
                "heed.scheduling.sweep-every=1m|heed.scheduling.sweep-every|never more than 15 s late",
                "heed.business-hours.zone=Mars/Olympus|heed.business-hours.zone|Unknown time-zone ID: Mars/Olympus",
                "heed.business-hours.hours.monday=9 to 5|heed.business-hours.hours.monday|'HH:mm-HH:mm'",
                "heed.business-hours.hours.funday=closed|heed.business-hours.hours.funday|use monday ... sunday",
                "heed.deadlines.rules[0].kind=complaint|heed.deadlines.rules[n].in-hours|is required",
                "heed.sources[0].id=Bad Id|heed.sources[n].id|a-z, 0-9 and '-', got 'Bad Id'",
                "heed.api.token=short|heed.api.token|at least 16 characters",
                "heed.brand.review-link=not a url|heed.brand.review-link|http(s) URL",
                "heed.demo.enabled=maybe|heed.demo.enabled|must be auto, true or false",
                "heed.webhook.max-body-bytes=10|heed.webhook.max-body-bytes|1024 .. 1048576",
                "heed.webhook.rate-limit.requests=0|heed.webhook.rate-limit.requests|must be within 1 .. 1000000",
                "heed.webhook.rate-limit.per=0s|heed.webhook.rate-limit.per|within 1s .. 1d",
                "heed.replies.templates.complaint[0].label=Mine|heed.replies.templates|has no text",
            })
    void aWrongValueNamesTheProperty(String setting, String property, String hint, CapturedOutput output) {
        assertThatThrownBy(() -> TestApps.start(setting)).isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains(property)
                .contains(hint);
    }

    @Test
    void anUnreadableDeadlineListsTheAcceptedForms(CapturedOutput output) {
        assertThatThrownBy(() -> TestApps.start(
                        "heed.deadlines.rules[0].kind=complaint", "heed.deadlines.rules[0].in-hours=soonish"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("heed.deadlines.rules[0].in-hours")
                .contains("soonish")
                .contains("close-of-business");
    }

    @Test
    void aReplyTemplateWithAnUnknownPlaceholderIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> TestApps.start(
                        "heed.replies.templates.complaint[0].label=Mine",
                        "heed.replies.templates.complaint[0].text=Hi {nmae}, sorry!"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll()).contains("heed.replies.templates").contains("unknown placeholder {nmae}");
    }

    @Test
    void aWebhookSourceWithoutATokenIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> TestApps.start("heed.sources[0].id=zap", "heed.sources[0].type=webhook"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("heed.sources[0]")
                .contains("webhook source 'zap' needs a token of at least 16 characters");
    }

    @Test
    void aRouteToAPlatformThatIsNotConfiguredIsRefused() {
        assertThatThrownBy(() -> TestApps.start("heed.routes[0].channels=slack:C123"))
                .hasStackTraceContaining("heed.routes: channel slack:C123 is on 'slack', which is not configured");
    }
}
