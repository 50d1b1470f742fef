package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;

/** The smallest DTO camel's sObject Collections operations accept: the loyalty fields our connector writes. */
public class LoyaltyContact extends AbstractDescribedSObjectBase {
    private String tier;
    private Object points;

    public LoyaltyContact() {
        getAttributes().setType("Contact");
    }

    static LoyaltyContact of(String id, String tier, Object points) {
        LoyaltyContact c = new LoyaltyContact();
        c.setId(id);
        c.tier = tier;
        c.points = points;
        return c;
    }

    @JsonProperty("Loyalty_Tier__c")
    public String getTier() {
        return tier;
    }

    @JsonProperty("Loyalty_Points__c")
    public Object getPoints() {
        return points;
    }

    @Override
    public SObjectDescription description() {
        return new SObjectDescription();
    }
}
