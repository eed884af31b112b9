-- broken
--
-- Revision ID: f002
-- Revises: f001

-- migrate:upgrade
CREATE TABLE more_things (id int PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);

-- migrate:downgrade
DROP TABLE more_things;
