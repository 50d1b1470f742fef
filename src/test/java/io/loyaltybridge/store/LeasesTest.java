package io.loyaltybridge.store;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.support.StoreFixture;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database leases several instances share: one holder at a time, taken over once expired or released. */
class LeasesTest {
    @Test
    void aLeaseHasOneHolderUntilItExpiresOrIsReleased() throws Exception {
        try (StoreFixture store = new StoreFixture()) {
            PgLeases leases = new PgLeases(store.transactions);
            Transactions tx = store.transactions;
            assertThat(tx.inTransaction(() -> leases.acquire("streams", "a", Duration.ofMillis(400)))).isTrue();
            assertThat(tx.inTransaction(() -> leases.acquire("streams", "b", Duration.ofSeconds(5)))).isFalse();
            assertThat(tx.inTransaction(() -> leases.acquire("streams", "a", Duration.ofMillis(400))))
                    .as("renewed by its holder").isTrue();
            assertThat(tx.read(() -> leases.holder("streams"))).isEqualTo("a");

            Thread.sleep(600); // a's lease runs out: a killed holder
            assertThat(tx.read(() -> leases.holder("streams"))).isNull();
            assertThat(tx.inTransaction(() -> leases.acquire("streams", "b", Duration.ofSeconds(5)))).isTrue();
            assertThat(tx.inTransaction(() -> leases.acquire("streams", "a", Duration.ofSeconds(5)))).isFalse();

            tx.inTransaction(() -> {
                leases.release("streams", "a"); // not a's to give back: nothing happens
                return null;
            });
            assertThat(tx.read(() -> leases.holder("streams"))).isEqualTo("b");
            tx.inTransaction(() -> {
                leases.release("streams", "b");
                return null;
            });
            assertThat(tx.inTransaction(() -> leases.acquire("streams", "a", Duration.ofSeconds(5)))).isTrue();
        }
    }

    @Test
    void aBadClusterSettingOrAClusterOnTheEmbeddedDatabaseStopsTheStartNamingTheKey() {
        Properties properties = new Properties();
        properties.setProperty("loyalty.cluster.enabled", "yes");
        properties.setProperty("loyalty.cluster.lease-seconds", "1");
        assertThatThrownBy(() -> Config.load(properties, Map.of())).isInstanceOf(StartupException.class)
                .hasMessageContaining("loyalty.cluster.enabled").hasMessageContaining("loyalty.cluster.lease-seconds");
        assertThatThrownBy(() -> TestApp.start(Map.of("loyalty.cluster.enabled", "true")))
                .isInstanceOf(StartupException.class).hasMessageContaining("loyalty.db.url");
    }
}
