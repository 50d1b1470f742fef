package io.loyaltybridge.sandbox.salesforce.data;

import java.util.List;

import static io.loyaltybridge.sandbox.salesforce.data.FieldDef.lookup;
import static io.loyaltybridge.sandbox.salesforce.data.FieldDef.of;
import static io.loyaltybridge.sandbox.salesforce.data.FieldDef.system;
import static io.loyaltybridge.sandbox.salesforce.data.FieldType.*;

/**
 * Feedback Management's objects, with the fields of Salesforce's object reference that a reader of survey answers
 * needs: a Survey and its version, its questions (QuestionType NPS, CSAT, Rating...), the invitation sent to a
 * participant (ParticipantId, here a Contact), the participant's SurveyResponse and one SurveyQuestionResponse per
 * answered question (NumberValue for NPS, CSAT, rating, score and slider questions; ResponseValue as text). Surveys,
 * versions, questions and responses are written by Salesforce as participants answer: the API reads them only.
 * Not modelled: NumberValue is an int in Salesforce and a double here; ParticipantId is polymorphic there (Contact,
 * Lead, User) and a Contact lookup here.
 */
final class SurveyObjects {
    static final String SURVEY = "Survey";
    static final String VERSION = "SurveyVersion";
    static final String QUESTION = "SurveyQuestion";
    static final String INVITATION = "SurveyInvitation";
    static final String RESPONSE = "SurveyResponse";
    static final String QUESTION_RESPONSE = "SurveyQuestionResponse";

    private SurveyObjects() {
    }

    static List<SObjectType> all() {
        return List.of(
                new SObjectType(SURVEY, "0Kd", false, fields(system("Id", ID), of("Name", STRING, 80).required(),
                        of("DeveloperName", STRING, 80), lookup("ActiveVersionId", VERSION, "ActiveVersion"))).readOnlyThroughApi(),
                new SObjectType(VERSION, "0Kv", false, fields(system("Id", ID), of("Name", STRING, 80),
                        lookup("SurveyId", SURVEY, "Survey").required(), of("VersionNumber", DOUBLE, 0))).readOnlyThroughApi(),
                new SObjectType(QUESTION, "0Kq", false, fields(system("Id", ID), of("Name", STRING, 255),
                        of("DeveloperName", STRING, 80), of("QuestionType", PICKLIST, 40).required(),
                        lookup("SurveyVersionId", VERSION, "SurveyVersion").required())).readOnlyThroughApi(),
                new SObjectType(INVITATION, "0Ki", false, fields(system("Id", ID), of("Name", STRING, 80).required(),
                        lookup("SurveyId", SURVEY, "Survey").required(),
                        lookup("ParticipantId", Schemas.CONTACT, "Participant"), of("ResponseStatus", PICKLIST, 40))),
                new SObjectType(RESPONSE, "0Kr", false, fields(system("Id", ID), of("Name", STRING, 80),
                        lookup("SurveyId", SURVEY, "Survey").required(),
                        lookup("SurveyVersionId", VERSION, "SurveyVersion"),
                        lookup("InvitationId", INVITATION, "Invitation").required(), of("SubmitterId", STRING, 18),
                        of("Status", PICKLIST, 40), of("CompletionDateTime", DATETIME, 0))).readOnlyThroughApi(),
                new SObjectType(QUESTION_RESPONSE, "0Ks", false, fields(system("Id", ID),
                        lookup("ResponseId", RESPONSE, "Response").required(),
                        lookup("QuestionId", QUESTION, "Question").required(),
                        lookup("InvitationId", INVITATION, "Invitation"),
                        lookup("SurveyVersionId", VERSION, "SurveyVersion"), of("Datatype", PICKLIST, 40),
                        of("NumberValue", DOUBLE, 0), of("ResponseValue", STRING, 32000),
                        of("ResponseShortText", STRING, 255))).readOnlyThroughApi());
    }

    /** The object's own fields, then the system fields every one of them has. */
    private static List<FieldDef> fields(FieldDef... own) {
        List<FieldDef> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(List.of(system("IsDeleted", BOOLEAN), system("CreatedDate", DATETIME),
                system("LastModifiedDate", DATETIME), system("SystemModstamp", DATETIME)));
        return all;
    }
}
