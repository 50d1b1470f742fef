package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Settings;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.ProfileAttribute;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The connector's checked configuration, read once from {@link Config}. */
record HubSpotOptions(boolean enabled, String baseUrl, boolean oauth, boolean deals, List<String> earningStages,
                      List<String> refundedStages, String refundedAmountProperty, String birthDateProperty,
                      int lookbackSeconds, int pageSize, int searchesPerSecond, int sharePercent, int pauseAfter429Ms,
                      String webhookUrl, String appId, String propertyGroup, FieldMap fieldMap) {

    static HubSpotOptions from(Config config) {
        boolean deals = config.get(HubSpotSettings.ORDER_OBJECT).equals("deals");
        String webhookUrl = config.get(HubSpotSettings.WEBHOOK_URL);
        Map<ProfileAttribute, String> fields = new EnumMap<>(ProfileAttribute.class);
        HubSpotSettings.FIELDS.forEach((attribute, setting) -> {
            String property = config.get(setting);
            if (!property.equals("none")) {
                fields.put(attribute, property);
            }
        });
        return new HubSpotOptions(config.get(HubSpotSettings.ENABLED), stripSlash(config.get(HubSpotSettings.BASE_URL)),
                config.get(HubSpotSettings.AUTH).equals("oauth"), deals,
                HubSpotSettings.split(config.get(deals ? HubSpotSettings.DEAL_EARNING_STAGES
                        : HubSpotSettings.ORDER_EARNING_STAGES)),
                deals ? List.of() : HubSpotSettings.split(config.get(HubSpotSettings.ORDER_REFUNDED_STAGES)),
                config.get(HubSpotSettings.REFUNDED_AMOUNT_PROPERTY), config.get(HubSpotSettings.BIRTH_DATE_PROPERTY),
                config.get(HubSpotSettings.LOOKBACK_SECONDS), config.get(HubSpotSettings.PAGE_SIZE),
                config.get(HubSpotSettings.SEARCHES_PER_SECOND), config.get(HubSpotSettings.SHARE),
                config.get(HubSpotSettings.PAUSE_AFTER_429),
                webhookUrl != null ? webhookUrl
                        : "http://localhost:" + config.get(Settings.SERVER_PORT) + "/webhooks/hubspot",
                config.get(HubSpotSettings.APP_ID), config.get(HubSpotSettings.PROPERTY_GROUP), new FieldMap(fields));
    }

    /** The order object's API name and its modified-date property. */
    String orderObject() {
        return deals ? "deals" : "orders";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
