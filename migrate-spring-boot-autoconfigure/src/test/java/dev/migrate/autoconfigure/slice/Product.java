package dev.migrate.autoconfigure.slice;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The {@code products} table that revisions/simple creates, mapped. */
@Entity
@Table(name = "products")
class Product {

	@Id
	private Integer id;

	private String name;

	Integer getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

}
