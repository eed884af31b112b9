-- add refunds
--
-- Revision ID: a003
-- Revises: a002

-- migrate:upgrade
CREATE TABLE refunds (id int PRIMARY KEY, order_id int REFERENCES orders (id));

-- migrate:downgrade
DROP TABLE refunds;
