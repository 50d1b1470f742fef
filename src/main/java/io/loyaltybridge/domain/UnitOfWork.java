package io.loyaltybridge.domain;

import java.util.function.Supplier;

/**
 * Runs work atomically: every repository call made inside {@code work} commits together or not at all.
 * The store implements it; the domain only states where a transaction begins and ends.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);
}
