package dev.migrate.demo;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A product named a category the catalog does not have. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class UnknownCategoryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownCategoryException(String category) {
		super("No category named '" + category + "'");
	}

}
