package io.loyaltybridge.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may do. The roles are not a ladder: {@code ingest} (a shop reporting orders) may not read what
 * {@code read} (a dashboard) reads, and neither sees personal data. {@code support} includes {@code read},
 * {@code manager} includes {@code support}, and {@code admin} includes every role.
 */
public enum Role {
    READ, INGEST, SUPPORT, MANAGER, ADMIN;

    /** The roles a route may declare, as they are written in LOYALTY_API_TOKENS and the REST DSL. */
    public static final String NAMES = Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named, or null when the text names none. */
    public static Role fromWire(String text) {
        for (Role role : values()) {
            if (role.wire().equals(text)) {
                return role;
            }
        }
        return null;
    }

    /** The roles this one includes, itself among them. */
    public Set<Role> includes() {
        return switch (this) {
            case READ -> EnumSet.of(READ);
            case INGEST -> EnumSet.of(INGEST);
            case SUPPORT -> EnumSet.of(SUPPORT, READ);
            case MANAGER -> EnumSet.of(MANAGER, SUPPORT, READ);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    /** True when a caller in this role may call a route open to any of {@code needed}. */
    public boolean mayCall(Set<Role> needed) {
        return needed.stream().anyMatch(includes()::contains);
    }
}
