package io.loyaltybridge.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The readers of the connectors that are configured; a connector registers its own when it is wired. */
public final class CrmReaders {
    private final Map<String, CrmReader> readers = new ConcurrentHashMap<>();

    public void register(CrmReader reader) {
        readers.put(reader.system(), reader);
    }

    /** The CRMs whose connectors are on. */
    public java.util.Set<String> systems() {
        return java.util.Set.copyOf(readers.keySet());
    }

    public Optional<CrmReader> of(String system) {
        return Optional.ofNullable(readers.get(system));
    }
}
