package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.ProfileAttribute;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Salesforce DX source an admin deploys holds every field the connector writes by default, writable. */
class FieldMetadataTest {
    static final Path SOURCE = Path.of("config/salesforce/force-app/main/default");

    @Test
    void every_default_field_is_declared_on_contact_and_granted_to_the_integration_user() throws Exception {
        String permissions = Files.readString(SOURCE.resolve(
                "permissionsets/LoyaltyBridge_Integration.permissionset-meta.xml"));
        for (ProfileAttribute attribute : ProfileAttribute.values()) {
            String field = SalesforceSettings.DEFAULT_FIELDS.get(attribute);
            Path file = SOURCE.resolve("objects/Contact/fields/" + field + ".field-meta.xml");
            assertThat(file).as(attribute.key()).exists();
            String xml = Files.readString(file);
            assertThat(xml).contains("<fullName>" + field + "</fullName>").contains("<type>" + type(attribute) + "</type>");
            assertThat(permissions).contains("<editable>true</editable>\n        <field>Contact." + field + "</field>");
        }
    }

    @Test
    void change_data_capture_is_selected_for_contacts_and_orders() {
        assertThat(SOURCE.resolve("platformEventChannelMembers/ChangeEvents_ContactChangeEvent"
                + ".platformEventChannelMember-meta.xml")).exists();
        assertThat(SOURCE.resolve("platformEventChannelMembers/ChangeEvents_OrderChangeEvent"
                + ".platformEventChannelMember-meta.xml")).exists();
    }

    private static String type(ProfileAttribute attribute) {
        return switch (attribute.kind()) {
            case NUMBER -> attribute == ProfileAttribute.CLTV || attribute == ProfileAttribute.CASHBACK ? "Currency"
                    : "Number";
            case DATE -> "Date";
            case DATETIME -> "DateTime";
            case TEXT -> "Text";
        };
    }
}
