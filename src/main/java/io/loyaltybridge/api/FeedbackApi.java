package io.loyaltybridge.api;

import io.loyaltybridge.domain.feedback.AnswerRules;
import io.loyaltybridge.domain.feedback.FeedbackFigures;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgFeedback;
import io.loyaltybridge.store.PgFeedbackSummary;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.FeedbackIngest;
import org.apache.camel.Exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/members/{id}/feedback} (a survey answer from a shop whose surveys live outside the CRMs) and
 * {@code GET /api/feedback/summary} (NPS and CSAT overall, per tier, per RFM segment and per month).
 */
public final class FeedbackApi {
    private final ApiGuard guard;
    private final FeedbackIngest feedback;
    private final Transactions tx;
    private final PgFeedbackSummary summary;
    private final Clock clock;

    public FeedbackApi(ApiGuard guard, FeedbackIngest feedback, Transactions tx, PgFeedbackSummary summary,
                       Clock clock) {
        this.guard = guard;
        this.feedback = feedback;
        this.tx = tx;
        this.summary = summary;
        this.clock = clock;
    }

    public void post(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            BodyReader body = request.body();
            String survey = body.text("survey", true, 200);
            String surveyName = body.text("surveyName", false, 200);
            String type = body.text("type", true, 20);
            BigDecimal score = body.has("score") ? body.decimal("score", false) : null;
            String comment = body.text("comment", false, AnswerRules.MAX_COMMENT);
            Instant submittedAt = body.instant("submittedAt", true);
            String key = body.text("idempotencyKey", true, 100);
            if (survey != null && type != null && submittedAt != null) {
                body.rejectAll(AnswerRules.violations(survey, type, score, comment, submittedAt, clock.instant()));
            }
            body.requireValid();
            FeedbackIngest.Posted posted = feedback.post(member, key, survey, surveyName, type, score, comment,
                    submittedAt);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("answer", answer(posted.answer()));
            view.put("replayed", !posted.created());
            return new Reply(posted.created() ? 201 : 200, view);
        });
    }

    public void summary(Exchange exchange) {
        guard.handle(exchange, request -> {
            Map<String, List<FeedbackFigures>> figures = tx.read(summary::figures);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("definitions", Map.of("nps", "% promoters (9-10) - % detractors (0-6) of NPS answers",
                    "csat", "% of CSAT answers scoring " + FeedbackFigures.SATISFIED_FROM + " or 5 (1-5 scale)"));
            view.put("overall", group(figures.get("overall").get(0)));
            for (String grouping : List.of("tier", "rfmSegment", "month")) {
                view.put(grouping.equals("month") ? "months" : grouping.equals("tier") ? "tiers" : "rfmSegments",
                        figures.get(grouping).stream().map(FeedbackApi::group).toList());
            }
            return Reply.ok(view);
        });
    }

    private static Map<String, Object> group(FeedbackFigures f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", f.key());
        view.put("responses", f.responses());
        view.put("nps", f.nps());
        view.put("npsResponses", f.npsResponses());
        view.put("promoters", f.promoters());
        view.put("passives", f.passives());
        view.put("detractors", f.detractors());
        view.put("csat", f.csat());
        view.put("csatResponses", f.csatResponses());
        view.put("satisfied", f.satisfied());
        return view;
    }

    static Map<String, Object> answer(PgFeedback.Answer a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id());
        view.put("memberId", a.member().value());
        view.put("source", a.system());
        view.put("survey", a.surveyId());
        view.put("surveyName", a.surveyName());
        view.put("type", a.surveyType());
        view.put("score", a.score() == null ? null : new BigDecimal(a.score().stripTrailingZeros().toPlainString()));
        view.put("sentiment", a.sentiment());
        view.put("comment", a.comment());
        view.put("submittedAt", a.submittedAt().toString());
        return view;
    }
}
