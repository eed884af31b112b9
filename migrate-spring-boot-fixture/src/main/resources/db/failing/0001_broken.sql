-- broken
--
-- Revision ID: x001
-- Revises: r004

-- migrate:upgrade
INSERT INTO no_such_table (id) VALUES (1);

-- migrate:downgrade
SELECT 1;
