package dev.migrate.ops.guide;

import java.util.List;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

/** The guide's manual migration: a tsvector column, its GIN index, the trigger, the backfill. */
@Revision(id = "xyz789", revises = "abc123", message = "add full text search to products")
public class AddFullTextSearch implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("products", "search_vector", Type.raw("tsvector"));
		op.createIndex("ix_products_search_vector", "products", List.of("search_vector"), (i) -> i.using("gin"));
		op.execute("""
				CREATE OR REPLACE FUNCTION products_search_vector_update() RETURNS trigger AS $$
				BEGIN
				    NEW.search_vector :=
				        setweight(to_tsvector('english', COALESCE(NEW.name, '')), 'A') ||
				        setweight(to_tsvector('english', COALESCE(NEW.description, '')), 'B');
				    RETURN NEW;
				END
				$$ LANGUAGE plpgsql;

				CREATE TRIGGER products_search_vector_trigger
				BEFORE INSERT OR UPDATE ON products
				FOR EACH ROW EXECUTE FUNCTION products_search_vector_update();
				""");
		op.execute("""
				UPDATE products SET search_vector =
				    setweight(to_tsvector('english', COALESCE(name, '')), 'A') ||
				    setweight(to_tsvector('english', COALESCE(description, '')), 'B');
				""");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TRIGGER IF EXISTS products_search_vector_trigger ON products");
		op.execute("DROP FUNCTION IF EXISTS products_search_vector_update()");
		op.dropIndex("ix_products_search_vector", "products");
		op.dropColumn("products", "search_vector");
	}

}
