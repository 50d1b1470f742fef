package io.loyaltybridge.sandbox.hubspot;

/** A property group (the folders properties are shown in). */
public record PropertyGroup(String name, String label, int displayOrder) {
}
