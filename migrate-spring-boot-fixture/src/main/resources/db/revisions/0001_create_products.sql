-- create products
--
-- Revision ID: r001
-- Revises:
-- Create Date: 2026-01-01 10:00:00

-- migrate:upgrade
CREATE TABLE revision_log (revision varchar(32) NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE TABLE products (id int PRIMARY KEY, name varchar(100) NOT NULL);
CREATE FUNCTION product_label(p_id int) RETURNS text AS $$
BEGIN
	RETURN (SELECT 'product: ' || name FROM products WHERE id = p_id);
END;
$$ LANGUAGE plpgsql;
INSERT INTO products (id, name) VALUES (1, 'widget');
-- hold the migration lock for a while, so that instances starting together wait for it
SELECT pg_sleep(2);
INSERT INTO revision_log (revision) VALUES ('r001');

-- migrate:downgrade
DROP FUNCTION product_label(int);
DROP TABLE products;
DROP TABLE revision_log;
