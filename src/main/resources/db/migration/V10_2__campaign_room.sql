-- An order now records, in its earn context, what OTHER orders had given each campaign when it was first settled
-- (campaignsBefore): the room its per-member caps left, which a later refund is re-evaluated against, so the refund
-- takes back exactly its share. Orders settled before this version get the nearest known figure, what the others
-- have given by now, in one statement.
UPDATE orders o
SET earn_context = o.earn_context || jsonb_build_object('campaignsBefore', coalesce(
        (SELECT jsonb_object_agg(c.campaign_id,
                                 c.points - coalesce((o.earn_campaigns ->> c.campaign_id)::bigint, 0))
         FROM member_campaign_points c
         WHERE c.member_id = o.member_id), '{}'::jsonb))
WHERE o.earn_context IS NOT NULL
  AND NOT (o.earn_context ? 'campaignsBefore');
