package dev.migrate.demo;

import java.math.BigDecimal;

/**
 * A product of the catalog.
 *
 * @param id the product id
 * @param name the product's name
 * @param category the name of its category
 * @param price its price
 * @param stock how many are in stock
 */
public record Product(Long id, String name, String category, BigDecimal price, int stock) {

}
