package dev.migrate.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's tables through {@link JdbcClient}. Its constructor already queries them: the
 * starter has upgraded the schema before any bean that uses JDBC is created.
 */
@Repository
class Catalog {

	private static final Logger logger = LoggerFactory.getLogger(Catalog.class);

	private final JdbcClient jdbc;

	Catalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
		int categories = jdbc.sql("SELECT count(*) FROM categories").query(Integer.class).single();
		logger.info("Catalog ready with {} categories", categories);
	}

	List<Product> products() {
		return this.jdbc
			.sql("SELECT p.id, p.name, c.name AS category, p.price, p.stock FROM products p"
					+ " JOIN categories c ON c.id = p.category_id ORDER BY p.id")
			.query(Product.class)
			.list();
	}

	Product add(String name, String category, java.math.BigDecimal price, int stock) {
		Long categoryId = this.jdbc.sql("SELECT id FROM categories WHERE name = :name")
			.param("name", category)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new UnknownCategoryException(category));
		this.jdbc.sql("INSERT INTO products (name, category_id, price, stock) VALUES (:name, :category, :price, :stock)")
			.param("name", name)
			.param("category", categoryId)
			.param("price", price)
			.param("stock", stock)
			.update();
		return this.jdbc
			.sql("SELECT p.id, p.name, c.name AS category, p.price, p.stock FROM products p"
					+ " JOIN categories c ON c.id = p.category_id WHERE p.name = :name")
			.param("name", name)
			.query(Product.class)
			.single();
	}

}
