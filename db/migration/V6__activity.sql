-- Every answer that counts toward a day. Streaks read only this view.
CREATE VIEW activity AS
SELECT r.day_key AS day_key, r.reviewed_at AS happened_at, 'review' AS source
FROM reviews r
WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)
UNION ALL
-- A practice answer counts on its own until its self-rating adds a review, which then counts instead: never both.
SELECT p.day_key, p.created_at, 'practice'
FROM practice_attempts p
WHERE p.review_id IS NULL OR EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = p.review_id);
