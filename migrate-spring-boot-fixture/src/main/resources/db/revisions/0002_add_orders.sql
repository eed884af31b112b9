-- add orders
--
-- Revision ID: r002
-- Revises: r001

-- migrate:upgrade
CREATE TABLE orders (id int PRIMARY KEY, product_id int NOT NULL REFERENCES products (id));
INSERT INTO products (id, name) VALUES (2, 'gadget');
INSERT INTO revision_log (revision) VALUES ('r002');

-- migrate:downgrade
DELETE FROM products WHERE id = 2;
DROP TABLE orders;
