package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.Setting;
import org.apache.camel.main.Main;

import java.util.List;
import java.util.Map;

/**
 * The HubSpot connector's configuration keys, secrets and wiring into Camel. The application calls
 * {@link #wire} once, before Camel starts; the connector is off unless configured.
 */
public final class HubSpotModule {
    /** Every loyalty.hubspot.* key. */
    public static final List<Setting<?>> SETTINGS = List.of();

    /** Environment variables holding HubSpot secrets, and what each is for. */
    public static final Map<String, String> SECRETS = Map.of();

    private HubSpotModule() {
    }

    public static void wire(Main camel, Core core, Config config) {
        // Connector not built yet.
    }
}
