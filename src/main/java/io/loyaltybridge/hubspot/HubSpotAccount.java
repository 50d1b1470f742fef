package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the connector reads about the account once, at start (two calls): its time zone, whose midnight resets the
 * daily API limit ({@code GET /account-info/v3/details}, which also names the company currency and the additional
 * ones, kept for the program's currency checks), and the order (or deal) pipelines, whose stage ids are what
 * records hold: each configured earning or refunded stage is matched to a stage by id, else by label (case
 * ignored). A configured stage that matches none stops the start, listing the pipelines' stages.
 */
final class HubSpotAccount {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotAccount.class);

    /** account-info's currencies: the company's and the additional ones. */
    record Currencies(String company, List<String> additional) {
    }

    private final HubSpotClient client;
    private final HubSpotOptions options;
    private final OrderMapper orders;
    private final RateLimiter limiter;
    private volatile boolean loaded;
    private volatile ZoneId zone = ZoneOffset.UTC;
    private volatile Currencies currencies = new Currencies(null, List.of());

    HubSpotAccount(HubSpotClient client, HubSpotOptions options, OrderMapper orders, RateLimiter limiter) {
        this.client = client;
        this.options = options;
        this.orders = orders;
        this.limiter = limiter;
    }

    /** Reads the account and the pipelines unless done; a configuration the pipelines refute throws. */
    synchronized void load() {
        if (loaded) {
            return;
        }
        JsonNode details = client.get("/account-info/v3/details", null).orThrow().json();
        zone = zone(details.path("timeZone").asText(null));
        List<String> additional = new ArrayList<>();
        details.path("additionalCurrencies").forEach(c -> additional.add(c.asText()));
        currencies = new Currencies(details.path("companyCurrency").asText(null), List.copyOf(additional));
        limiter.zone(zone);
        JsonNode pipelines = client.get("/crm/v3/pipelines/" + options.orderObject(), null).orThrow().json();
        Map<String, Stage> stages = stages(pipelines);
        List<String> problems = new ArrayList<>();
        Set<String> earning = resolve(options.earningStages(), stages, options.deals()
                ? "loyalty.hubspot.deals.earning-stages" : "loyalty.hubspot.orders.earning-stages", problems);
        Set<String> refunded = resolve(options.refundedStages(), stages, "loyalty.hubspot.orders.refunded-stages",
                problems);
        if (!problems.isEmpty()) {
            throw StartupException.of(problems);
        }
        orders.stages(earning, refunded);
        loaded = true;
        LOG.info("HubSpot account: time zone {} (the daily API limit resets at its midnight), {} stages {} earn",
                zone.getId(), options.orderObject(), earning);
    }

    ZoneId zone() {
        return zone;
    }

    Currencies currencies() {
        return currencies;
    }

    /** One stage of a pipeline. */
    private record Stage(String id, String label, String pipeline) {
        @Override
        public String toString() {
            return "'" + label + "' (id " + id + ", pipeline " + pipeline + ")";
        }
    }

    /** Every live stage of every live pipeline of the object, by id. */
    private static Map<String, Stage> stages(JsonNode pipelines) {
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (JsonNode pipeline : pipelines.path("results")) {
            if (pipeline.path("archived").asBoolean()) {
                continue;
            }
            for (JsonNode stage : pipeline.path("stages")) {
                if (!stage.path("archived").asBoolean()) {
                    stages.put(stage.path("id").asText(), new Stage(stage.path("id").asText(),
                            stage.path("label").asText(), pipeline.path("label").asText()));
                }
            }
        }
        return stages;
    }

    private static Set<String> resolve(List<String> configured, Map<String, Stage> stages, String key,
                                       List<String> problems) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : configured) {
            if (stages.containsKey(name)) {
                ids.add(name);
                continue;
            }
            List<String> byLabel = stages.values().stream().filter(st -> st.label().equalsIgnoreCase(name))
                    .map(Stage::id).toList();
            if (byLabel.isEmpty()) {
                problems.add(key + ": no stage has the id or label '" + name + "'; the pipelines' stages are "
                        + stages.values().stream().map(Stage::toString).collect(
                                java.util.stream.Collectors.joining(", ")));
            }
            ids.addAll(byLabel);
        }
        return ids;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            LOG.warn("HubSpot account time zone '{}' is not known here; the daily limit is taken to reset at "
                    + "midnight UTC", id);
            return ZoneOffset.UTC;
        }
    }
}
