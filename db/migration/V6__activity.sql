-- Every answer that counts toward a day: reviews that were not undone. Streaks read only this view.
CREATE VIEW activity AS
SELECT r.day_key AS day_key, r.reviewed_at AS happened_at, 'review' AS source
FROM reviews r
WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id);
