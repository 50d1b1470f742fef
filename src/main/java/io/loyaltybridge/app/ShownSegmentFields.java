package io.loyaltybridge.app;

import io.loyaltybridge.domain.program.segments.ShownSegments;
import io.loyaltybridge.hubspot.HubSpotModule;
import io.loyaltybridge.salesforce.SalesforceModule;
import io.loyaltybridge.sync.ProfileAttribute;

import java.util.EnumSet;
import java.util.Set;

/**
 * The segment values shown by the CRMs switched on, from their field maps ({@code loyalty.<crm>.field.*}; a field
 * mapped to {@code none} is not shown): what a recompute's change must touch to queue a member for a push.
 */
final class ShownSegmentFields {
    private ShownSegmentFields() {
    }

    static ShownSegments.Fields of(Config config) {
        Set<ProfileAttribute> shown = EnumSet.noneOf(ProfileAttribute.class);
        shown.addAll(SalesforceModule.shown(config));
        shown.addAll(HubSpotModule.shown(config));
        return new ShownSegments.Fields(shown.contains(ProfileAttribute.SEGMENT),
                shown.contains(ProfileAttribute.CHURN_RISK), shown.contains(ProfileAttribute.CLTV),
                shown.contains(ProfileAttribute.PREFERRED_CATEGORY), shown.contains(ProfileAttribute.NEXT_BEST_OFFER));
    }
}
