package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.notify.Channel;
import io.loyaltybridge.app.Setting;
import io.loyaltybridge.app.StartupException;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.util.List;
import java.util.Map;

/**
 * The Salesforce connector's configuration keys, secrets and wiring into Camel. The application calls
 * {@link #wire} once, before Camel starts; the connector is off unless configured.
 */
public final class SalesforceModule {
    /** Every loyalty.salesforce.* key. */
    public static final List<Setting<?>> SETTINGS = java.util.stream.Stream.of(SalesforceSettings.ALL,
            SurveySettings.ALL).flatMap(List::stream).toList();

    /** Environment variables holding Salesforce secrets, and what each is for. */
    public static final Map<String, String> SECRETS = Credentials.SECRETS;

    private SalesforceModule() {
    }

    /** The secrets (and keystore) the configured flow needs that are missing (checked before anything starts). */
    public static List<String> problems(Config config) {
        return config.get(SalesforceSettings.ENABLED) ? Credentials.problems(config) : List.of();
    }

    /**
     * Publishes what routes/salesforce-*.camel.yaml need to Camel (always: their preconditions read it, so that a
     * disabled connector creates no route and never contacts Salesforce), then, when enabled, the component and
     * the beans.
     */
    /** The attributes Salesforce shows (a Contact field mapped), none when the connector is off. */
    public static java.util.Set<io.loyaltybridge.sync.ProfileAttribute> shown(Config config) {
        return config.get(SalesforceSettings.ENABLED) ? Connector.fieldMap(config).fields().keySet()
                : java.util.Set.of();
    }

    /** Returns the notification channel into Salesforce, or null when the connector is off. */
    public static Channel wire(Main camel, Core core, Config config) {
        boolean enabled = config.get(SalesforceSettings.ENABLED);
        camel.addInitialProperty("salesforce.connector.enabled", Boolean.toString(enabled));
        camel.addInitialProperty("salesforce.connector.events",
                Boolean.toString(enabled && config.get(SalesforceSettings.CDC)));
        camel.addInitialProperty("salesforce.connector.push-period-ms",
                Integer.toString(config.get(SalesforceSettings.PUSH_PERIOD_MS)));
        // routes/salesforce-events.camel.yaml sizes its batches with these, as {{placeholders}} (and
        // routes/salesforce-feedback.camel.yaml its schedule).
        for (Setting<Integer> setting : List.of(SalesforceSettings.EVENTS_BATCH, SalesforceSettings.EVENTS_LINGER_MS,
                SurveySettings.POLL_MS, SurveySettings.BATCH_SIZE)) {
            camel.addInitialProperty(setting.name(), Integer.toString(config.get(setting)));
        }
        if (!enabled) {
            return null;
        }
        List<String> problems = Credentials.problems(config);
        if (!problems.isEmpty()) {
            throw StartupException.of(problems);
        }
        Connector connector = new Connector(core, config);
        SalesforceComponent component = Credentials.component(config);
        camel.bind("salesforcePoll", connector.poll);
        camel.bind("salesforcePush", connector.push);
        camel.bind("salesforceEvents", connector.events);
        camel.bind("salesforceFeedback", connector.surveys);
        camel.bind("salesforceEventBatch", new EventBatch.Gather());
        core.crmReaders().register(connector.reader);
        camel.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport main) {
                connector.attach(main.getCamelContext(), component);
            }

            @Override
            public void afterStop(BaseMainSupport main) {
                connector.streams.stop();
            }
        });
        return connector.notifier;
    }
}
