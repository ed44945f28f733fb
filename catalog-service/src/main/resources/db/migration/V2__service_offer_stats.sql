-- Per catalog service: active instructors offering it and their rate range. Kept current in the
-- same transaction as every change to offerings or instructor status (see OfferStats), so browse
-- queries read 250 rows instead of aggregating every offering.
CREATE TABLE service_offer_stats (
    service_id       uuid PRIMARY KEY REFERENCES catalog_service (id),
    instructor_count integer     NOT NULL DEFAULT 0,
    min_rate         numeric(8, 2),
    max_rate         numeric(8, 2),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

INSERT INTO service_offer_stats (service_id, instructor_count, min_rate, max_rate)
SELECT o.catalog_service_id, count(*), min(o.hourly_rate), max(o.hourly_rate)
FROM instructor_service o JOIN instructor i ON i.id = o.instructor_id
WHERE o.active AND i.status = 'active'
GROUP BY o.catalog_service_id;
