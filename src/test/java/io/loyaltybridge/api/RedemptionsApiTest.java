package io.loyaltybridge.api;

import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Spending on the program's terms over real HTTP: catalogue rewards (tier-limited) and cashback pay-outs. */
class RedemptionsApiTest {
    private static RichFixture fx;

    @BeforeAll
    static void start() {
        fx = new RichFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Http.Response redeemReward(long member, String reward, String key) {
        return fx.http.post("/api/members/" + member + "/rewards/" + reward + "/redeem",
                "{\"idempotencyKey\":\"" + key + "\"}");
    }

    private static Http.Response redeemCashback(long member, long cents, String key) {
        return fx.http.post("/api/members/" + member + "/redemptions", "{\"account\":\"cashback\",\"points\":"
                + cents + ",\"reason\":\"bank transfer\",\"idempotencyKey\":\"" + key + "\"}");
    }

    private static List<String> fields(Http.Response r) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.errorFields();
    }

    @Test
    void a_reward_is_redeemed_once_per_key_and_answers_what_the_member_receives() {
        long member = fx.memberWith("shipping@example.com", "400");
        Http.Response first = redeemReward(member, "free-shipping", "ship-1");
        Http.Response again = redeemReward(member, "free-shipping", "ship-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("granted").asText()).isEqualTo("One free-shipping code for the next order");
        assertThat(first.json().at("/entry/points").asLong()).isEqualTo(-300);
        assertThat(first.json().at("/entry/kind").asText()).isEqualTo("redeem");
        assertThat(first.json().at("/entry/account").asText()).isEqualTo("points");
        assertThat(first.json().at("/entry/source/id").asText()).isEqualTo("free-shipping");
        assertThat(first.json().get("balance").asLong()).isEqualTo(100);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().at("/entry/id").asLong()).isEqualTo(first.json().at("/entry/id").asLong());
        assertThat(fx.balance(member, "points")).isEqualTo(100);
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void parallel_reward_redemptions_never_take_the_balance_below_zero() throws Exception {
        long member = fx.memberWith("parallel-reward@example.com", "1000");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "par-" + i;
            statuses.add(pool.submit(() -> {
                go.await();
                return redeemReward(member, "free-shipping", key).status();
            }));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();
        assertThat(results).as("1000 points buy three 300-point rewards").filteredOn(s -> s == 201).hasSize(3);
        assertThat(results).filteredOn(s -> s == 409).hasSize(5);
        assertThat(fx.balance(member, "points")).isEqualTo(100);
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void a_reward_beyond_the_balance_is_409_insufficient_balance_and_takes_nothing() {
        long member = fx.memberWith("short@example.com", "299");
        long[] before = fx.rows();
        Http.Response r = redeemReward(member, "free-shipping", "ship-short");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("insufficient_balance");
        assertThat(r.json().get("detail").asText()).contains("costs 300", "balance is 299");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_reward_for_upper_tiers_is_409_reward_not_allowed_for_a_silver_member_with_enough_points() {
        long member = fx.memberWith("silver@example.com", "1200");
        long[] before = fx.rows();
        Http.Response r = redeemReward(member, "ten-off", "ten-1");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("reward_not_allowed");
        assertThat(r.json().get("detail").asText()).contains("gold, vip").contains("silver");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_gold_member_redeems_the_gold_reward() {
        long member = fx.memberWith("gold@example.com", "2500");
        Http.Response r = redeemReward(member, "ten-off", "ten-gold");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("granted").asText()).isEqualTo("A 10 EUR discount code");
        assertThat(r.json().get("balance").asLong()).isEqualTo(1500);
    }

    @Test
    void an_unknown_reward_or_member_is_404_and_a_missing_key_is_400_and_none_writes() {
        long member = fx.memberWith("unknowns@example.com", "500");
        long[] before = fx.rows();
        Http.Response noReward = redeemReward(member, "free-car", "k-1");
        Http.Response noMember = redeemReward(999_999, "free-shipping", "k-2");
        Http.Response noKey = fx.http.post("/api/members/" + member + "/rewards/free-shipping/redeem", "{}");
        Http.Response badKey = redeemReward(member, "free-shipping", "not a key!");
        assertThat(noReward.status()).isEqualTo(404);
        assertThat(noReward.json().get("detail").asText()).contains("free-car");
        assertThat(noMember.status()).isEqualTo(404);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(fields(noKey)).containsExactly("idempotencyKey");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(fields(badKey)).containsExactly("idempotencyKey");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void an_idempotency_key_used_for_another_reward_is_409() {
        long member = fx.memberWith("twokeys@example.com", "3000");
        assertThat(redeemReward(member, "free-shipping", "same-key").status()).isEqualTo(201);
        Http.Response other = redeemReward(member, "ten-off", "same-key");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void cashback_is_paid_out_from_the_cashback_balance_once_per_key() {
        long member = fx.memberWith("cashback@example.com", "700");
        assertThat(fx.balance(member, "cashback")).as("1% of 700 EUR in cents").isEqualTo(700);
        Http.Response first = redeemCashback(member, 500, "cb-1");
        Http.Response again = redeemCashback(member, 500, "cb-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().at("/entry/account").asText()).isEqualTo("cashback");
        assertThat(first.json().at("/entry/points").asLong()).isEqualTo(-500);
        assertThat(first.json().at("/entry/kind").asText()).isEqualTo("redeem");
        assertThat(first.json().get("balance").asLong()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(fx.balance(member, "cashback")).isEqualTo(200);
        assertThat(fx.balance(member, "points")).as("points untouched").isEqualTo(700);
        assertThat(fx.app.ledgerCheck().mismatches()).isEmpty();
    }

    @Test
    void cashback_beyond_the_balance_is_409_and_below_the_minimum_is_400_naming_points() {
        long member = fx.memberWith("cb-short@example.com", "600");
        long[] before = fx.rows();
        Http.Response tooMuch = redeemCashback(member, 601, "cb-much");
        Http.Response tooLittle = redeemCashback(member, 499, "cb-little");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asText()).isEqualTo("insufficient_balance");
        assertThat(tooLittle.status()).isEqualTo(400);
        assertThat(fields(tooLittle)).containsExactly("points");
        assertThat(tooLittle.json().at("/errors/0/message").asText()).contains("500");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_redemption_account_other_than_points_or_cashback_is_400_naming_account() {
        long member = fx.memberWith("pending@example.com", "100");
        long[] before = fx.rows();
        Http.Response pending = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"account\":\"pending\",\"points\":10,\"reason\":\"r\",\"idempotencyKey\":\"p-1\"}");
        Http.Response unknown = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"account\":\"miles\",\"points\":0,\"idempotencyKey\":\"p-2\"}");
        assertThat(pending.status()).isEqualTo(400);
        assertThat(fields(pending)).containsExactly("account");
        assertThat(fields(unknown)).containsExactlyInAnyOrder("account", "points", "reason");
        assertThat(fx.rows()).containsExactly(before);
    }

    @Test
    void a_points_redemption_without_an_account_still_takes_points() {
        long member = fx.memberWith("plain@example.com", "100");
        Http.Response r = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"points\":40,\"reason\":\"voucher\",\"idempotencyKey\":\"plain-1\"}");
        Http.Response explicit = fx.http.post("/api/members/" + member + "/redemptions",
                "{\"account\":\"points\",\"points\":10,\"reason\":\"voucher\",\"idempotencyKey\":\"plain-2\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(explicit.status()).isEqualTo(201);
        assertThat(explicit.json().get("balance").asLong()).isEqualTo(50);
        assertThat(fx.balance(member, "cashback")).isEqualTo(100);
    }
}
