-- add orders
--
-- Revision ID: a002
-- Revises: a001

-- migrate:upgrade
CREATE TABLE orders (id int PRIMARY KEY, product_id int REFERENCES products (id));

-- migrate:downgrade
DROP TABLE orders;
