-- create products
--
-- Revision ID: a001
-- Revises:
-- Create Date: 2026-01-01 10:00:00

-- migrate:upgrade
CREATE TABLE products (id int PRIMARY KEY, name varchar(100));
INSERT INTO products (id, name) VALUES (1, 'widget');

-- migrate:downgrade
DROP TABLE products;
