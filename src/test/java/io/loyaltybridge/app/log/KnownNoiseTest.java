package io.loyaltybridge.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownNoiseTest {
    private final LoggerContext context = new LoggerContext();
    private final KnownNoise filter = new KnownNoise();
    private final ch.qos.logback.classic.Logger pubSub = context.getLogger(
            "org.apache.camel.component.salesforce.internal.client.PubSubApiClient$FetchResponseObserver");

    @AfterEach
    void running() {
        KnownNoise.appRunning();
    }

    @Test
    void the_pub_sub_clients_errors_show_while_the_app_runs() {
        KnownNoise.appRunning();
        assertThat(filter.decide(null, pubSub, Level.ERROR, "GRPC Exception", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void the_pub_sub_clients_reports_of_closing_streams_are_dropped_once_the_app_stops_and_nothing_else_is() {
        KnownNoise.appStopping();
        assertThat(filter.decide(null, pubSub, Level.ERROR, "GRPC Exception", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger("io.loyaltybridge.LoyaltyBridge"), Level.ERROR, "boom", null,
                null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, pubSub, Level.WARN, "slow", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void the_salesforce_components_missing_packages_warning_is_dropped_and_only_it() {
        ch.qos.logback.classic.Logger component = context.getLogger(
                "org.apache.camel.component.salesforce.SalesforceComponent");
        assertThat(filter.decide(null, component, Level.WARN, "Missing property packages, getSObject* operations",
                null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, component, Level.WARN, "Something else", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
