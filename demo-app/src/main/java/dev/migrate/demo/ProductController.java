package dev.migrate.demo;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /products} lists the catalog; {@code POST /products} adds to it. */
@RestController
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/products")
	List<Product> products() {
		return this.catalog.products();
	}

	@PostMapping("/products")
	@ResponseStatus(HttpStatus.CREATED)
	Product add(@RequestBody NewProduct product) {
		return this.catalog.add(product.name(), product.category(), product.price(), product.stock());
	}

	record NewProduct(String name, String category, BigDecimal price, int stock) {
	}

}
