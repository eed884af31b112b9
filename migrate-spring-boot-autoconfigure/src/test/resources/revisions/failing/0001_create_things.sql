-- create things
--
-- Revision ID: f001
-- Revises:

-- migrate:upgrade
CREATE TABLE things (id int PRIMARY KEY);

-- migrate:downgrade
DROP TABLE things;
